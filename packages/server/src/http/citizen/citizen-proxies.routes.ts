import { citizenProxyRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { addProxy } from '../../use-cases/proxies/add-proxy.ts';
import { listProxies } from '../../use-cases/proxies/list-proxies.ts';
import { removeProxy } from '../../use-cases/proxies/remove-proxy.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** Proxy for children (ombud): the guardian's children, add one by personnummer, stop being proxy. */
export async function citizenProxyRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.list, async ({ actor }) => listProxies(contextFor(services, actor)));
  handle(app, routes.add, async ({ actor, body, request }) =>
    addProxy(contextFor(services, actor), { personnummer: body.personnummer, language: requestLanguage(request) }),
  );
  handle(app, routes.remove, async ({ actor, params }) => {
    await removeProxy(contextFor(services, actor), params.childId);
    return undefined;
  });
}
