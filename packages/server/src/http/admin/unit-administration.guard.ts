import { HsaId } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { assertUnitAdministrator } from '../../use-cases/units/unit-administration.ts';
import { requireStaff } from '../sessions.ts';

export const UnitParams = Type.Object({ hsaId: HsaId });

/**
 * Who may reach the admin routes of a plugin, decided before the body is even parsed: not logged
 * in 401, a citizen 404, staff who are not administrators of that unit 403. The use cases check
 * again as their first statement; this only makes sure refusals never depend on the body.
 */
export function guardUnitAdministration(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const actor = requireStaff(request);
    const { hsaId } = request.params as { hsaId?: string };
    assertUnitAdministrator(actor, hsaId ?? '');
  });
}
