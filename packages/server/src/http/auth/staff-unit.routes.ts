import { authRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { chooseStaffRegion } from '../../use-cases/login/choose-staff-region.ts';
import { chooseStaffUnit } from '../../use-cases/login/choose-staff-unit.ts';
import { listStaffUnits } from '../../use-cases/login/list-staff-units.ts';
import type { Services } from '../../use-cases/services.ts';
import { AppError } from '../problem.ts';
import { handle } from '../route-handler.ts';
import { currentSession, sessionCookieName, setSessionCookie } from '../sessions.ts';

/**
 * Staff with commissions at several units choose one after login, and may switch later; a
 * regional administrator may choose their region instead, in the same list.
 */
export async function staffUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config } = services;
  handle(app, routes.staffUnits, async ({ actor }) => listStaffUnits(services, actor));

  handle(app, routes.chooseStaffUnit, async ({ actor, body, request, reply }) => {
    const session = currentSession(request);
    const renewed = await chooseStaffUnit(services, actor, {
      unitHsaId: body.unitHsaId,
      currentSessionToken: request.cookies[sessionCookieName(config)] ?? '',
      currentExpiresAt: session.expiresAt,
    });
    // No commission there: the unit is not one of theirs, as if it did not exist.
    if (!renewed) throw new AppError('not-found');
    setSessionCookie(reply, config, renewed.token);
    return {
      kind: 'staff' as const,
      csrfToken: renewed.csrfToken,
      idleExpiresAt: Math.min(session.expiresAt, services.clock() + config.session.idleMs),
      expiresAt: session.expiresAt,
      unitHsaId: body.unitHsaId,
      regionCode: null,
      roles: renewed.roles,
      actingFor: null,
    };
  });

  handle(app, routes.chooseStaffRegion, async ({ actor, body, request, reply }) => {
    const session = currentSession(request);
    const renewed = await chooseStaffRegion(services, actor, {
      regionCode: body.regionCode,
      currentSessionToken: request.cookies[sessionCookieName(config)] ?? '',
      currentExpiresAt: session.expiresAt,
    });
    // No region commission there: as if the region did not exist.
    if (!renewed) throw new AppError('not-found');
    setSessionCookie(reply, config, renewed.token);
    return {
      kind: 'staff' as const,
      csrfToken: renewed.csrfToken,
      idleExpiresAt: Math.min(session.expiresAt, services.clock() + config.session.idleMs),
      expiresAt: session.expiresAt,
      unitHsaId: null,
      regionCode: body.regionCode,
      roles: renewed.roles,
      actingFor: null,
    };
  });
}
