import { InboxMessageList, InboxMessageListQuery, InboxMessageParams } from '../inbox-message.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen'];

/** Messages from the service or a unit in the citizen's inbox (beside errands): list, mark read. */
export const citizenMessageRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/citizen/messages',
    audience: 'citizen',
    summary: 'My inbox messages from the service and units, newest first',
    tags,
    query: InboxMessageListQuery,
    status: 200,
    response: InboxMessageList,
  }),
  markRead: defineRoute({
    method: 'POST',
    path: '/api/citizen/messages/:id/read',
    audience: 'citizen',
    summary: 'Mark an inbox message read',
    tags,
    params: InboxMessageParams,
    status: 204,
  }),
} as const;
