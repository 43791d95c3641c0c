import { citizenErrandRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { archiveErrand } from '../../use-cases/errands/archive-errand.ts';
import { listAccessLog } from '../../use-cases/errands/list-access-log.ts';
import { listCitizenErrandsUseCase } from '../../use-cases/errands/list-citizen-errands.ts';
import { readErrand } from '../../use-cases/errands/read-errand.ts';
import { replyToErrand } from '../../use-cases/errands/reply-to-errand.ts';
import { sendErrand } from '../../use-cases/errands/send-errand.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { idempotently } from '../idempotency.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** The citizen's errands: send, list the folders, read, reply, archive, and who has read them. */
export async function citizenErrandRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.send, async ({ actor, body, request, reply }) => {
    const ctx = contextFor(services, actor);
    return idempotently(request, reply, ctx, routes.send.status, (idempotency) =>
      sendErrand(ctx, { ...body, language: requestLanguage(request) }, idempotency),
    );
  });
  handle(app, routes.list, async ({ actor, query }) =>
    listCitizenErrandsUseCase(contextFor(services, actor), query.folder ?? 'inbox', query),
  );
  handle(app, routes.read, async ({ actor, params, request }) =>
    readErrand(contextFor(services, actor), params.id, requestLanguage(request)),
  );
  handle(app, routes.reply, async ({ actor, params, body, request, reply }) => {
    const ctx = contextFor(services, actor);
    await idempotently(request, reply, ctx, routes.reply.status, (idempotency) =>
      replyToErrand(ctx, params.id, body.message, idempotency),
    );
    return undefined;
  });
  handle(app, routes.archive, async ({ actor, params }) => {
    await archiveErrand(contextFor(services, actor), params.id, true);
    return undefined;
  });
  handle(app, routes.unarchive, async ({ actor, params }) => {
    await archiveErrand(contextFor(services, actor), params.id, false);
    return undefined;
  });
  handle(app, routes.accessLog, async ({ actor, query }) => listAccessLog(contextFor(services, actor), query));
}
