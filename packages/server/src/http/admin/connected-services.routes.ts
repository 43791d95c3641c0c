import { regionServiceRoutes, unitServiceRoutes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { changeConnectedService } from '../../use-cases/connected-services/change-connected-service.ts';
import { listConnectedServices } from '../../use-cases/connected-services/list-connected-services.ts';
import { registerConnectedService } from '../../use-cases/connected-services/register-connected-service.ts';
import { removeConnectedService } from '../../use-cases/connected-services/remove-connected-service.ts';
import { renewServiceSecret } from '../../use-cases/connected-services/renew-service-secret.ts';
import { showConnectedService } from '../../use-cases/connected-services/show-connected-service.ts';
import { assertRegionAdministrator } from '../../use-cases/regions/region-administration.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';
import { requireStaff } from '../sessions.ts';
import { guardUnitAdministration } from './unit-administration.guard.ts';

/** A regional administrator's connected services; refused before the body is read, like the region's other routes. */
export async function regionServiceAdministrationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.addHook('onRequest', async (request) => {
    assertRegionAdministrator(requireStaff(request));
  });
  const routes = regionServiceRoutes;
  const scope = { kind: 'region' } as const;
  handle(app, routes.list, async ({ actor, query }) =>
    listConnectedServices(contextFor(services, actor), scope, query),
  );
  handle(app, routes.register, async ({ actor, body, request }) =>
    registerConnectedService(contextFor(services, actor), scope, body, requestLanguage(request)),
  );
  handle(app, routes.show, async ({ actor, params }) =>
    showConnectedService(contextFor(services, actor), scope, params.serviceId),
  );
  handle(app, routes.change, async ({ actor, params, body, request }) =>
    changeConnectedService(contextFor(services, actor), scope, params.serviceId, body, requestLanguage(request)),
  );
  handle(app, routes.remove, async ({ actor, params }) => {
    await removeConnectedService(contextFor(services, actor), scope, params.serviceId);
  });
  handle(app, routes.renewSecret, async ({ actor, params }) =>
    renewServiceSecret(contextFor(services, actor), scope, params.serviceId),
  );
}

/** A unit administrator's own connected services; refused before the body is read, like the unit's other routes. */
export async function unitServiceAdministrationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  guardUnitAdministration(app);
  const routes = unitServiceRoutes;
  const unit = (hsaId: string) => ({ kind: 'unit', unitHsaId: hsaId }) as const;
  handle(app, routes.list, async ({ actor, params, query }) =>
    listConnectedServices(contextFor(services, actor), unit(params.hsaId), query),
  );
  handle(app, routes.register, async ({ actor, params, body, request }) =>
    registerConnectedService(contextFor(services, actor), unit(params.hsaId), body, requestLanguage(request)),
  );
  handle(app, routes.show, async ({ actor, params }) =>
    showConnectedService(contextFor(services, actor), unit(params.hsaId), params.serviceId),
  );
  handle(app, routes.change, async ({ actor, params, body, request }) =>
    changeConnectedService(
      contextFor(services, actor),
      unit(params.hsaId),
      params.serviceId,
      body,
      requestLanguage(request),
    ),
  );
  handle(app, routes.remove, async ({ actor, params }) => {
    await removeConnectedService(contextFor(services, actor), unit(params.hsaId), params.serviceId);
  });
  handle(app, routes.renewSecret, async ({ actor, params }) =>
    renewServiceSecret(contextFor(services, actor), unit(params.hsaId), params.serviceId),
  );
}
