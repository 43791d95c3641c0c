import { ChooseUnitRequest, Problem, SessionInfo, StaffUnits } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { chooseStaffUnit } from '../../use-cases/login/choose-staff-unit.ts';
import { listStaffUnits } from '../../use-cases/login/list-staff-units.ts';
import type { Services } from '../../use-cases/services.ts';
import { AppError } from '../problem.ts';
import { requireStaff, sessionCookieName, setSessionCookie } from '../sessions.ts';

const errors = { '4xx': Problem };

/** Staff with commissions at several units choose one after login, and may switch later. */
export async function staffUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config } = services;
  const tags = ['login'];

  app.get(
    '/api/auth/units',
    {
      schema: {
        tags,
        summary: 'The units the logged-in staff member may work at',
        response: { 200: StaffUnits, ...errors },
      },
    },
    async (request) => listStaffUnits(services, requireStaff(request)),
  );

  app.post(
    '/api/auth/unit',
    {
      schema: {
        tags,
        summary: 'Choose or switch the unit to work at (the session is renewed: use the new CSRF token)',
        body: ChooseUnitRequest,
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const session = request.session as NonNullable<typeof request.session>;
      const body = request.body as Static<typeof ChooseUnitRequest>;
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
        roles: renewed.roles,
      };
    },
  );
}
