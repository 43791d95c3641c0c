import { authRoutes as routes } from '@kontakta/contract';
import type { ActorRole } from '@kontakta/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chooseStaffInstallation } from '../../use-cases/login/choose-staff-installation.ts';
import { chooseStaffRegion } from '../../use-cases/login/choose-staff-region.ts';
import { chooseStaffUnit } from '../../use-cases/login/choose-staff-unit.ts';
import { listStaffUnits } from '../../use-cases/login/list-staff-units.ts';
import type { SessionTokens } from '../../use-cases/login/login-outcome.ts';
import type { Services } from '../../use-cases/services.ts';
import { AppError } from '../problem.ts';
import { handle } from '../route-handler.ts';
import { currentSession, sessionCookieName, setSessionCookie } from '../sessions.ts';

type ChoiceInput = { currentSessionToken: string; currentExpiresAt: number };

/**
 * Staff with commissions at several units choose one after login, and may switch later; a
 * regional administrator may choose their region instead, in the same list, and an installation
 * administrator the whole installation (back to it from a unit or region, without a new login).
 */
export async function staffUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config } = services;
  handle(app, routes.staffUnits, async ({ actor }) => listStaffUnits(services, actor));

  /**
   * Both choices replace the session by one that may do other things (new id and CSRF token,
   * the login's absolute end kept); none means no commission there: as if it did not exist.
   */
  async function switchTo(
    request: FastifyRequest,
    reply: FastifyReply,
    place: { unitHsaId: string | null; regionCode: string | null },
    choose: (input: ChoiceInput) => Promise<(SessionTokens & { roles: ActorRole[] }) | undefined>,
  ) {
    const session = currentSession(request);
    const renewed = await choose({
      currentSessionToken: request.cookies[sessionCookieName(config)] ?? '',
      currentExpiresAt: session.expiresAt,
    });
    if (!renewed) throw new AppError('not-found');
    setSessionCookie(reply, config, renewed.token);
    return {
      kind: 'staff' as const,
      csrfToken: renewed.csrfToken,
      idleExpiresAt: Math.min(session.expiresAt, services.clock() + config.session.idleMs),
      expiresAt: session.expiresAt,
      ...place,
      roles: renewed.roles,
      actingFor: null,
    };
  }

  handle(app, routes.chooseStaffUnit, async ({ actor, body, request, reply }) =>
    switchTo(request, reply, { unitHsaId: body.unitHsaId, regionCode: null }, (input) =>
      chooseStaffUnit(services, actor, { ...input, unitHsaId: body.unitHsaId }),
    ),
  );

  handle(app, routes.chooseStaffRegion, async ({ actor, body, request, reply }) =>
    switchTo(request, reply, { unitHsaId: null, regionCode: body.regionCode }, (input) =>
      chooseStaffRegion(services, actor, { ...input, regionCode: body.regionCode }),
    ),
  );

  handle(app, routes.chooseStaffInstallation, async ({ actor, request, reply }) =>
    switchTo(request, reply, { unitHsaId: null, regionCode: null }, (input) =>
      chooseStaffInstallation(services, actor, input),
    ),
  );
}
