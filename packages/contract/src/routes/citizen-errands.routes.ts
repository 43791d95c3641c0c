import { Type } from 'typebox';
import {
  AccessLogList,
  CitizenErrandDetail,
  CitizenErrandList,
  CitizenErrandListQuery,
  Created,
  Id,
  ListQuery,
  ReplyBody,
  SendErrandBody,
} from '../errands.schema.ts';
import { IdempotencyKeyHeaders } from '../idempotency.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen'];
const ErrandParams = Type.Object({ id: Id });

/** The citizen's errands: send, list the folders, read, reply, archive, and who has read them. */
export const citizenErrandRoutes = {
  send: defineRoute({
    method: 'POST',
    path: '/api/citizen/errands',
    audience: 'citizen',
    summary: 'Send an errand',
    tags,
    headers: IdempotencyKeyHeaders,
    body: SendErrandBody,
    status: 201,
    response: Created,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/citizen/errands',
    audience: 'citizen',
    summary: 'Inbox, sent errands or archive, with unread marks and counts',
    tags,
    query: CitizenErrandListQuery,
    status: 200,
    response: CitizenErrandList,
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/citizen/errands/:id',
    audience: 'citizen',
    summary: 'An errand with its thread and history',
    tags,
    params: ErrandParams,
    status: 200,
    response: CitizenErrandDetail,
  }),
  reply: defineRoute({
    method: 'POST',
    path: '/api/citizen/errands/:id/replies',
    audience: 'citizen',
    summary: 'Reply in the thread',
    tags,
    params: ErrandParams,
    headers: IdempotencyKeyHeaders,
    body: ReplyBody,
    status: 204,
  }),
  archive: defineRoute({
    method: 'POST',
    path: '/api/citizen/errands/:id/archive',
    audience: 'citizen',
    summary: 'Move to the archive',
    tags,
    params: ErrandParams,
    status: 204,
  }),
  unarchive: defineRoute({
    method: 'POST',
    path: '/api/citizen/errands/:id/unarchive',
    audience: 'citizen',
    summary: 'Move back from the archive',
    tags,
    params: ErrandParams,
    status: 204,
  }),
  accessLog: defineRoute({
    method: 'GET',
    path: '/api/citizen/access-log',
    audience: 'citizen',
    summary: 'Who has read my errands',
    tags,
    query: ListQuery,
    status: 200,
    response: AccessLogList,
  }),
} as const;
