import type { InboxFilter, InboxSort } from '@kontakta/contract';
import { type ErrandStatus, mayListUnitInbox, type StaffActor } from '@kontakta/domain';
import {
  countUnitInbox,
  listUnitErrands,
  OPEN_STATUSES,
  orderKeyOf,
  UNASSIGNED_STATUSES,
  type UnitInboxFilter,
} from '../../storage/repositories/errand.repository.ts';
import { AppError } from '../app-error.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { logStaffListView } from './errand-record.ts';
import { deletionNoticeOf, presentStaffSummaries } from './present-errand.ts';

export type InboxQuery = {
  filter?: InboxFilter | undefined;
  sort?: InboxSort | undefined;
  /** A personnummer or words of the citizen's name. */
  q?: string | undefined;
  caregiver?: string | undefined;
  olderThanDays?: number | undefined;
  errandType?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

const DAY = 86_400_000;

/** Step 4: the unit's inbox for its receivers, filtered, oldest first, with the counts a receiver watches. */
export async function listUnitInbox(ctx: UseCaseContext<StaffActor>, query: InboxQuery) {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId || !mayListUnitInbox(ctx.actor, unitHsaId)) throw new AppError('forbidden', 'receivers-only');
  const filter = filterFor(ctx, query);
  const limit = query.limit ?? 25;
  const order = query.sort ?? 'received';
  const keyType = order === 'type' || order === 'status' ? 'string' : 'number';
  const after = decodeCursor(query.cursor, { k: keyType, at: 'number', id: 'string' });
  const { db } = ctx.database;
  const [rows, counts] = await Promise.all([
    listUnitErrands(db, unitHsaId, filter, limit + 1, after, order),
    countUnitInbox(db, unitHsaId, ctx.actor.hsaId),
  ]);
  const page = pageOf(rows, limit, (row) => ({ k: orderKeyOf(row, order), at: row.created_at, id: row.id }));
  await logStaffListView(ctx, page.items, 'receiver');
  return {
    items: await presentStaffSummaries(cachedReferenceReads(ctx.database), page.items, deletionNoticeOf(ctx)),
    nextCursor: page.nextCursor,
    counts,
  };
}

function filterFor(ctx: UseCaseContext<StaffActor>, query: InboxQuery): UnitInboxFilter {
  const filter: UnitInboxFilter = {};
  switch (query.filter ?? 'all') {
    case 'new':
      filter.statuses = ['new'];
      break;
    case 'unassigned':
      filter.statuses = UNASSIGNED_STATUSES;
      break;
    case 'mine':
      filter.assignedTo = ctx.actor.hsaId;
      break;
    case 'assigned':
      filter.statuses = ['assigned'];
      break;
    case 'unanswered':
      filter.statuses = OPEN_STATUSES;
      break;
    case 'closed':
      filter.statuses = ['closed'];
      break;
    case 'all':
      break;
  }
  if (query.caregiver) filter.assignedTo = query.caregiver;
  if (query.errandType) filter.errandType = query.errandType;
  if (query.olderThanDays !== undefined) filter.waitingSinceBefore = ctx.now - query.olderThanDays * DAY;
  Object.assign(filter, citizenSearch(query.q));
  return filter;
}

/**
 * A receiver searches by personnummer (10 or 12 digits, with or without the dash: the last ten
 * digits must match) or by name (every word in the given or family name).
 */
function citizenSearch(q: string | undefined): Pick<UnitInboxFilter, 'personnummerEndsWith' | 'nameWords'> {
  const text = q?.trim() ?? '';
  if (text === '') return {};
  const digits = text.replace(/[\s+-]/g, '');
  if (/^\d{10}$|^\d{12}$/.test(digits)) return { personnummerEndsWith: digits.slice(-10) };
  return { nameWords: text.split(/\s+/).slice(0, 4) };
}
