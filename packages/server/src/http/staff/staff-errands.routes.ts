import {
  AnswerBody,
  AssignBody,
  ErrandDetail,
  Id,
  IdempotencyKeyHeaders,
  ListQuery,
  Problem,
  StaffErrandList,
  StaffErrandSummary,
  StaffInboxQuery,
} from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { answerErrand } from '../../use-cases/errands/answer-errand.ts';
import { assignErrand } from '../../use-cases/errands/assign-errand.ts';
import { closeErrand } from '../../use-cases/errands/close-errand.ts';
import { listMyErrands } from '../../use-cases/errands/list-my-errands.ts';
import { listUnitInbox } from '../../use-cases/errands/list-unit-inbox.ts';
import { readErrand } from '../../use-cases/errands/read-errand.ts';
import { takeBackErrand } from '../../use-cases/errands/take-back-errand.ts';
import { unansweredOverview } from '../../use-cases/errands/unanswered-overview.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { listUnitCaregivers } from '../../use-cases/units/list-unit-caregivers.ts';
import { respondIdempotently } from '../idempotency.ts';
import { requestLanguage } from '../request-language.ts';
import { requireStaff } from '../sessions.ts';

const errors = { '4xx': Problem };
const ErrandParams = Type.Object({ id: Id });
const NoContent = { 204: Type.Null(), ...errors };

/** The staff tool: the unit's inbox, reading, routing, answering and closing errands. */
export async function staffErrandRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['staff'];
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get(
    '/api/staff/inbox',
    {
      schema: {
        tags,
        summary: "The unit's inbox with filters and counts",
        querystring: StaffInboxQuery,
        response: { 200: StaffErrandList, ...errors },
      },
    },
    async (request) =>
      listUnitInbox(contextFor(services, requireStaff(request)), request.query as Static<typeof StaffInboxQuery>),
  );

  app.get(
    '/api/staff/my-errands',
    {
      schema: {
        tags,
        summary: "A caregiver's own errands across the units where they serve",
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(StaffErrandSummary),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      listMyErrands(contextFor(services, requireStaff(request)), request.query as Static<typeof ListQuery>),
  );

  app.get(
    '/api/staff/unanswered',
    {
      schema: {
        tags,
        summary: 'How many errands wait, by age',
        response: {
          200: Type.Object({
            total: Type.Integer(),
            brackets: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => unansweredOverview(contextFor(services, requireStaff(request))),
  );

  app.get(
    '/api/staff/caregivers',
    {
      schema: {
        tags,
        summary: "The unit's caregivers, to assign errands to",
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String(), profession: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => listUnitCaregivers(contextFor(services, requireStaff(request))),
  );

  app.get(
    '/api/staff/errands/:id',
    {
      schema: {
        tags,
        summary: 'Read an errand (written to the access log)',
        params: ErrandParams,
        response: { 200: ErrandDetail, ...errors },
      },
    },
    async (request) => readErrand(contextFor(services, requireStaff(request)), idOf(request), requestLanguage(request)),
  );

  app.post(
    '/api/staff/errands/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign or reassign to a caregiver',
        params: ErrandParams,
        body: AssignBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await assignErrand(
        contextFor(services, requireStaff(request)),
        idOf(request),
        (request.body as { caregiverHsaId: string }).caregiverHsaId,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/staff/errands/:id/take-back',
    { schema: { tags, summary: 'Take the errand back from its caregiver', params: ErrandParams, response: NoContent } },
    async (request, reply) => {
      await takeBackErrand(contextFor(services, requireStaff(request)), idOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/staff/errands/:id/answer',
    {
      schema: {
        tags,
        summary: "Answer on the type's answer form",
        params: ErrandParams,
        headers: IdempotencyKeyHeaders,
        body: AnswerBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      const ctx = contextFor(services, requireStaff(request));
      const answers = (request.body as { answers: unknown }).answers;
      return respondIdempotently(request, reply, ctx, 204, (idempotency) =>
        answerErrand(ctx, idOf(request), answers, requestLanguage(request), idempotency),
      );
    },
  );

  app.post(
    '/api/staff/errands/:id/close',
    { schema: { tags, summary: 'Close the errand', params: ErrandParams, response: NoContent } },
    async (request, reply) => {
      await closeErrand(contextFor(services, requireStaff(request)), idOf(request));
      return reply.code(204).send();
    },
  );
}
