import type { FastifyInstance } from 'fastify';
import { assertUnitAdministrator } from '../../use-cases/units/unit-administration.ts';
import { requireStaff } from '../sessions.ts';

/**
 * Who may reach the admin routes of a plugin, decided before the body is even parsed: not logged
 * in 401, a citizen 404, staff who are not administrators of that unit 403. The use cases check
 * again as their first statement; this only makes sure refusals never depend on the body. (The
 * routes' `staff` audience guard runs again in `handle`, after validation; it then always passes.)
 */
export function guardUnitAdministration(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const actor = requireStaff(request);
    assertUnitAdministrator(actor, unitOf(request.params));
  });
}

/** The `:hsaId` of the address, read before the params schema has run (so it is checked, not assumed). */
function unitOf(params: unknown): string {
  return typeof params === 'object' && params !== null && 'hsaId' in params && typeof params.hsaId === 'string'
    ? params.hsaId
    : '';
}
