import { staffErrandRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { addInternalNote } from '../../use-cases/errands/add-internal-note.ts';
import { answerErrand } from '../../use-cases/errands/answer-errand.ts';
import { answerWithMessage } from '../../use-cases/errands/answer-with-message.ts';
import { assignErrand } from '../../use-cases/errands/assign-errand.ts';
import { assignErrands } from '../../use-cases/errands/assign-errands.ts';
import { closeErrand } from '../../use-cases/errands/close-errand.ts';
import { listMyErrands } from '../../use-cases/errands/list-my-errands.ts';
import { listUnitInbox } from '../../use-cases/errands/list-unit-inbox.ts';
import { readErrand } from '../../use-cases/errands/read-errand.ts';
import { reopenErrand } from '../../use-cases/errands/reopen-errand.ts';
import { takeBackErrand } from '../../use-cases/errands/take-back-errand.ts';
import { unansweredOverview } from '../../use-cases/errands/unanswered-overview.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { answerTemplatesForErrandType } from '../../use-cases/units/answer-templates.ts';
import { listUnitCaregivers } from '../../use-cases/units/list-unit-caregivers.ts';
import { idempotently } from '../idempotency.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** The staff tool: the unit's inbox, reading, routing, answering, closing and reopening errands. */
export async function staffErrandRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.inbox, async ({ actor, query }) => listUnitInbox(contextFor(services, actor), query));
  handle(app, routes.myErrands, async ({ actor, query }) => listMyErrands(contextFor(services, actor), query));
  handle(app, routes.unanswered, async ({ actor }) => unansweredOverview(contextFor(services, actor)));
  handle(app, routes.answerTemplates, async ({ actor, query }) =>
    answerTemplatesForErrandType(contextFor(services, actor), query.errandType),
  );
  handle(app, routes.caregivers, async ({ actor }) => listUnitCaregivers(contextFor(services, actor)));
  handle(app, routes.read, async ({ actor, params, request }) =>
    readErrand(contextFor(services, actor), params.id, requestLanguage(request)),
  );
  handle(app, routes.assign, async ({ actor, params, body }) => {
    await assignErrand(contextFor(services, actor), params.id, body.caregiverHsaId);
    return undefined;
  });
  handle(app, routes.assignMany, async ({ actor, body }) =>
    assignErrands(contextFor(services, actor), body.errandIds, body.caregiverHsaId),
  );
  handle(app, routes.addNote, async ({ actor, params, body, request }) => {
    await addInternalNote(contextFor(services, actor), params.id, body.text, requestLanguage(request));
    return undefined;
  });
  handle(app, routes.takeBack, async ({ actor, params }) => {
    await takeBackErrand(contextFor(services, actor), params.id);
    return undefined;
  });
  handle(app, routes.answer, async ({ actor, params, body, request, reply }) => {
    const ctx = contextFor(services, actor);
    await idempotently(request, reply, ctx, routes.answer.status, (idempotency) =>
      answerErrand(ctx, params.id, body.answers, requestLanguage(request), idempotency),
    );
    return undefined;
  });
  handle(app, routes.answerWithMessage, async ({ actor, params, body, request, reply }) => {
    const ctx = contextFor(services, actor);
    await idempotently(request, reply, ctx, routes.answerWithMessage.status, (idempotency) =>
      answerWithMessage(
        ctx,
        params.id,
        {
          message: body.message,
          citizenMayReply: body.citizenMayReply ?? false,
          language: requestLanguage(request),
        },
        idempotency,
      ),
    );
    return undefined;
  });
  handle(app, routes.close, async ({ actor, params, body, request }) => {
    await closeErrand(contextFor(services, actor), params.id, {
      message: body.message,
      language: requestLanguage(request),
    });
    return undefined;
  });
  handle(app, routes.reopen, async ({ actor, params }) => {
    await reopenErrand(contextFor(services, actor), params.id);
    return undefined;
  });
}
