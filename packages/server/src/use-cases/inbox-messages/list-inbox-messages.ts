import type { InboxMessage, InboxMessageList } from '@kontakta/contract';
import type { CitizenActor, Language } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import {
  countUnreadInboxMessages,
  listInboxMessages,
  markInboxMessageRead,
} from '../../storage/repositories/inbox-message.repository.ts';
import { findCitizenNames } from '../../storage/repositories/people.repository.ts';
import { AppError } from '../app-error.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';
import { type InboxMessageValues, renderInboxMessage } from './inbox-message-texts.ts';

const DEFAULT_LIMIT = 20;

/** The inbox messages, newest first, in the reader's language; paged by an opaque cursor. */
export async function listInboxMessagesOf(
  ctx: UseCaseContext<CitizenActor>,
  input: { cursor?: string | undefined; limit?: number | undefined; language: Language },
): Promise<InboxMessageList> {
  const owner = citizenActedFor(ctx.actor);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const before = decodeCursor(input.cursor, { createdAt: 'number', id: 'string' });
  const rows = await listInboxMessages(ctx.database.db, owner, { ...(before ? { before } : {}), limit: limit + 1 });
  const { items: page, nextCursor } = pageOf(rows, limit, (row) => ({ createdAt: row.created_at, id: row.id }));
  const names = new Map(
    (await findCitizenNames(ctx.database.db, [...new Set(page.flatMap((r) => r.about_citizen_id ?? []))])).map((n) => [
      n.id,
      `${n.given_name} ${n.family_name}`,
    ]),
  );
  const items: InboxMessage[] = page.flatMap((row) => {
    const values = JSON.parse(row.values) as InboxMessageValues;
    const text = renderInboxMessage(row.template, input.language, names.get(row.about_citizen_id ?? '') ?? '', values);
    if (!text) return [];
    return [{ id: row.id, kind: row.template, ...text, createdAt: row.created_at, read: row.read_at !== null }];
  });
  return {
    items,
    nextCursor,
    unread: await countUnreadInboxMessages(ctx.database.db, owner),
  };
}

/** Marks a message read; 404 when it is not in this inbox. */
export async function markInboxMessageReadFor(ctx: UseCaseContext<CitizenActor>, id: string): Promise<void> {
  if (!(await markInboxMessageRead(ctx.database.db, citizenActedFor(ctx.actor), id, ctx.now))) {
    throw new AppError('not-found');
  }
}
