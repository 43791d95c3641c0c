import { regionAdminRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { changeRegionOffering } from '../../use-cases/regions/change-region-offering.ts';
import { listRegionChanges } from '../../use-cases/regions/list-region-changes.ts';
import { listRegionUnitsForAdministration } from '../../use-cases/regions/list-region-units.ts';
import { assertRegionAdministrator } from '../../use-cases/regions/region-administration.ts';
import { showRegionOffering } from '../../use-cases/regions/show-region-offering.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';
import { requireStaff } from '../sessions.ts';

/**
 * The regional administrator's routes. Who may use them is decided before the body is read (not
 * logged in 401, a citizen 404, staff outside a region session 403); the use cases check again.
 */
export async function regionAdministrationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.addHook('onRequest', async (request) => {
    assertRegionAdministrator(requireStaff(request));
  });

  handle(app, routes.listUnits, async ({ actor }) => listRegionUnitsForAdministration(contextFor(services, actor)));
  handle(app, routes.showOffering, async ({ actor }) => showRegionOffering(contextFor(services, actor)));
  handle(app, routes.changeOffering, async ({ actor, body, request }) =>
    changeRegionOffering(contextFor(services, actor), body, requestLanguage(request)),
  );
  handle(app, routes.listChanges, async ({ actor, query }) =>
    listRegionChanges(contextFor(services, actor), {
      cursor: query.cursor,
      limit: query.limit ? Number(query.limit) : undefined,
    }),
  );
}
