import {
  AccessLogList,
  CitizenErrandList,
  Created,
  ErrandDetail,
  Id,
  IdempotencyKeyHeaders,
  ListQuery,
  Problem,
  ReplyBody,
  SendErrandBody,
} from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { archiveErrand } from '../../use-cases/errands/archive-errand.ts';
import { listAccessLog } from '../../use-cases/errands/list-access-log.ts';
import { listCitizenErrandsUseCase } from '../../use-cases/errands/list-citizen-errands.ts';
import { readErrand } from '../../use-cases/errands/read-errand.ts';
import { replyToErrand } from '../../use-cases/errands/reply-to-errand.ts';
import { sendErrand } from '../../use-cases/errands/send-errand.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { respondIdempotently } from '../idempotency.ts';
import { requestLanguage } from '../request-language.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };
const ErrandParams = Type.Object({ id: Id });
const FolderQuery = Type.Object(
  { ...ListQuery.properties, folder: Type.Optional(Type.Enum(['inbox', 'sent', 'archive'])) },
  { additionalProperties: false },
);

/** The citizen's errands: send, list the folders, read, reply, archive, and who has read them. */
export async function citizenErrandRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];

  app.post(
    '/api/citizen/errands',
    {
      schema: {
        tags,
        summary: 'Send an errand',
        headers: IdempotencyKeyHeaders,
        body: SendErrandBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(services, requireCitizen(request));
      const body = request.body as Static<typeof SendErrandBody>;
      return respondIdempotently(request, reply, ctx, 201, (idempotency) =>
        sendErrand(ctx, { ...body, language: requestLanguage(request) }, idempotency),
      );
    },
  );

  app.get(
    '/api/citizen/errands',
    {
      schema: {
        tags,
        summary: 'Inbox, sent errands or archive, with unread marks and counts',
        querystring: FolderQuery,
        response: { 200: CitizenErrandList, ...errors },
      },
    },
    async (request) => {
      const ctx = contextFor(services, requireCitizen(request));
      const query = request.query as Static<typeof FolderQuery>;
      return listCitizenErrandsUseCase(ctx, (query.folder ?? 'inbox') as 'inbox' | 'sent' | 'archive', query);
    },
  );

  app.get(
    '/api/citizen/errands/:id',
    {
      schema: {
        tags,
        summary: 'An errand with its thread and history',
        params: ErrandParams,
        response: { 200: ErrandDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = contextFor(services, requireCitizen(request));
      return readErrand(ctx, (request.params as { id: string }).id, requestLanguage(request));
    },
  );

  app.post(
    '/api/citizen/errands/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply in the thread',
        params: ErrandParams,
        headers: IdempotencyKeyHeaders,
        body: ReplyBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(services, requireCitizen(request));
      const errandId = (request.params as { id: string }).id;
      const message = (request.body as { message: string }).message;
      return respondIdempotently(request, reply, ctx, 204, (idempotency) =>
        replyToErrand(ctx, errandId, message, idempotency),
      );
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/api/citizen/errands/:id/${action}`,
      {
        schema: {
          tags,
          summary: archived ? 'Move to the archive' : 'Move back from the archive',
          params: ErrandParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        const ctx = contextFor(services, requireCitizen(request));
        await archiveErrand(ctx, (request.params as { id: string }).id, archived);
        return reply.code(204).send();
      },
    );
  }

  app.get(
    '/api/citizen/access-log',
    {
      schema: {
        tags,
        summary: 'Who has read my errands',
        querystring: ListQuery,
        response: { 200: AccessLogList, ...errors },
      },
    },
    async (request) => {
      const ctx = contextFor(services, requireCitizen(request));
      return listAccessLog(ctx, request.query as Static<typeof ListQuery>);
    },
  );
}
