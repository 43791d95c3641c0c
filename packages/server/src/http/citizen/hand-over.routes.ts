import type { IncomingMessage, ServerResponse } from 'node:http';
import { citizenServiceConsentRoutes as consentRoutes, citizenHandOverRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { answerHandOver } from '../../use-cases/connected-services/answer-hand-over.ts';
import type { HandOverInteractions } from '../../use-cases/connected-services/hand-over.ts';
import { listServiceConsents } from '../../use-cases/connected-services/list-service-consents.ts';
import { openHandOver } from '../../use-cases/connected-services/open-hand-over.ts';
import { withdrawServiceConsent } from '../../use-cases/connected-services/withdraw-service-consent.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { handle } from '../route-handler.ts';

/**
 * The citizen's side of handing their login over to a connected service: the web app's consent
 * page asks what the waiting request is about, and answers it. The provider finds the request
 * through the browser's own interaction cookie, so each call hands it the raw request. The
 * citizen's consents given this way are listed and withdrawn here too ("Inställningar").
 */
export async function citizenHandOverRoutes(
  app: FastifyInstance,
  {
    services,
    interactions,
  }: { services: Services; interactions: (req: IncomingMessage, res: ServerResponse) => HandOverInteractions },
) {
  handle(app, routes.open, async ({ actor, params, request, reply }) =>
    openHandOver(contextFor(services, actor), interactions(request.raw, reply.raw), params.uid),
  );
  handle(app, routes.answer, async ({ actor, params, body, request, reply }) =>
    answerHandOver(contextFor(services, actor), interactions(request.raw, reply.raw), params.uid, body.accept),
  );
  handle(app, consentRoutes.list, async ({ actor, query }) => listServiceConsents(contextFor(services, actor), query));
  handle(app, consentRoutes.withdraw, async ({ actor, params }) => {
    await withdrawServiceConsent(contextFor(services, actor), params.serviceId);
  });
}
