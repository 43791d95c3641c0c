import { type Static, Type } from 'typebox';
import { Cursor, Id, ListQuery } from './errands.schema.ts';

/** A message to a citizen from the service or a unit: not an errand, no reply. */
export const InboxMessage = Type.Object({
  id: Id,
  /** Which message it is, e.g. `proxy-ends-soon`; the words are in `subject` and `body`. */
  kind: Type.String(),
  /** Who sent it: Kontakta itself, or a care unit by name. */
  from: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Type.Integer(),
  read: Type.Boolean(),
});
export type InboxMessage = Static<typeof InboxMessage>;

export const InboxMessageList = Type.Object({
  items: Type.Array(InboxMessage),
  nextCursor: Type.Union([Cursor, Type.Null()]),
  unread: Type.Integer({ minimum: 0 }),
});
export type InboxMessageList = Static<typeof InboxMessageList>;

export const InboxMessageListQuery = ListQuery;
export const InboxMessageParams = Type.Object({ id: Id });
