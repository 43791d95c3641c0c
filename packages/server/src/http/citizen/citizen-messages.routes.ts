import { citizenMessageRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { listInboxMessagesOf, markInboxMessageReadFor } from '../../use-cases/inbox-messages/list-inbox-messages.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** Messages from the service in the citizen's inbox (the child's, while acting for one). */
export async function citizenMessageRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.list, async ({ actor, query, request }) =>
    listInboxMessagesOf(contextFor(services, actor), {
      cursor: query.cursor,
      limit: query.limit,
      language: requestLanguage(request),
    }),
  );
  handle(app, routes.markRead, async ({ actor, params }) => {
    await markInboxMessageReadFor(contextFor(services, actor), params.id);
    return undefined;
  });
}
