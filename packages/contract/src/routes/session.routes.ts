import { ActingForRequest } from '../proxy.schema.ts';
import { defineRoute } from '../route.ts';
import { EndedSessions, SessionInfo } from '../session.schema.ts';

const tags = ['session'];

/** The current session: read it (the web app needs the CSRF token and expiry), end it, end the others. */
export const sessionRoutes = {
  current: defineRoute({
    method: 'GET',
    path: '/api/session',
    audience: 'session',
    summary: 'The current session',
    tags,
    status: 200,
    response: SessionInfo,
  }),
  logOut: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    audience: 'session',
    summary: 'Log out',
    tags,
    status: 204,
  }),
  logOutElsewhere: defineRoute({
    method: 'DELETE',
    path: '/api/session/others',
    audience: 'session',
    summary: 'Log out everywhere else: end every other session of the same person',
    tags,
    status: 200,
    response: EndedSessions,
  }),
  actFor: defineRoute({
    method: 'PUT',
    path: '/api/session/acting-for',
    audience: 'citizen',
    summary: 'Act for a child I am proxy for, or (childId null) as myself again: a new session id each time',
    tags,
    body: ActingForRequest,
    status: 200,
    response: SessionInfo,
  }),
} as const;
