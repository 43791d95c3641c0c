import { Type } from 'typebox';
import { AnswerForm } from '../answer-form.schema.ts';
import {
  AnswerBody,
  AssignBody,
  CaregiverList,
  Id,
  ListQuery,
  MyErrandList,
  StaffErrandDetail,
  StaffErrandList,
  StaffInboxQuery,
  UnansweredOverview,
} from '../errands.schema.ts';
import { IdempotencyKeyHeaders } from '../idempotency.schema.ts';
import { StaffProfile } from '../profile.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['staff'];
const ErrandParams = Type.Object({ id: Id });

/**
 * The staff tool: who is logged in, the unit's inbox, reading, routing, answering and closing
 * errands, and an errand in FHIR for record systems. Errands are answered as `StaffErrandDetail`,
 * never to a citizen.
 */
export const staffErrandRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/staff/me',
    audience: 'staff',
    summary: 'Who is logged in, at which unit and in which roles',
    tags,
    status: 200,
    response: StaffProfile,
  }),
  inbox: defineRoute({
    method: 'GET',
    path: '/api/staff/inbox',
    audience: 'staff',
    summary: "The unit's inbox with filters and counts",
    tags,
    query: StaffInboxQuery,
    status: 200,
    response: StaffErrandList,
  }),
  myErrands: defineRoute({
    method: 'GET',
    path: '/api/staff/my-errands',
    audience: 'staff',
    summary: "A caregiver's own errands across the units where they serve",
    tags,
    query: ListQuery,
    status: 200,
    response: MyErrandList,
  }),
  unanswered: defineRoute({
    method: 'GET',
    path: '/api/staff/unanswered',
    audience: 'staff',
    summary: 'How many errands wait, by age',
    tags,
    status: 200,
    response: UnansweredOverview,
  }),
  caregivers: defineRoute({
    method: 'GET',
    path: '/api/staff/caregivers',
    audience: 'staff',
    summary: "The unit's caregivers, to assign errands to",
    tags,
    status: 200,
    response: CaregiverList,
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/staff/errands/:id',
    audience: 'staff',
    summary: 'Read an errand (written to the access log)',
    tags,
    params: ErrandParams,
    status: 200,
    response: StaffErrandDetail,
  }),
  answerForm: defineRoute({
    method: 'GET',
    path: '/api/staff/errands/:id/answer-form',
    audience: 'staff',
    summary: "The errand type's answer form, in the version the errand was sent with",
    tags,
    params: ErrandParams,
    status: 200,
    response: AnswerForm,
  }),
  questionnaireResponse: defineRoute({
    method: 'GET',
    path: '/api/staff/errands/:id/questionnaire-response',
    audience: 'staff',
    summary: "The citizen's submission as a FHIR R4 QuestionnaireResponse (written to the access log)",
    tags,
    params: ErrandParams,
    status: 200,
    response: Type.Unknown({ description: 'A FHIR R4 QuestionnaireResponse resource.' }),
    contentType: 'application/fhir+json',
  }),
  assign: defineRoute({
    method: 'POST',
    path: '/api/staff/errands/:id/assign',
    audience: 'staff',
    summary: 'Assign or reassign to a caregiver',
    tags,
    params: ErrandParams,
    body: AssignBody,
    status: 204,
  }),
  takeBack: defineRoute({
    method: 'POST',
    path: '/api/staff/errands/:id/take-back',
    audience: 'staff',
    summary: 'Take the errand back from its caregiver',
    tags,
    params: ErrandParams,
    status: 204,
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/staff/errands/:id/answer',
    audience: 'staff',
    summary: "Answer on the type's answer form",
    tags,
    params: ErrandParams,
    headers: IdempotencyKeyHeaders,
    body: AnswerBody,
    status: 204,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/staff/errands/:id/close',
    audience: 'staff',
    summary: 'Close the errand',
    tags,
    params: ErrandParams,
    status: 204,
  }),
} as const;
