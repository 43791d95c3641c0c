import type { CitizenFolder } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { countCitizenErrands, listCitizenErrands } from '../../storage/repositories/errand.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { deletionNoticeOf, presentSummaries } from './present-errand.ts';

/** The citizen's inbox, sent errands or archive, with unread marks and the counts of each. */
export async function listCitizenErrandsUseCase(
  ctx: UseCaseContext<CitizenActor>,
  folder: CitizenFolder,
  options: { cursor?: string | undefined; limit?: number | undefined },
) {
  const citizenId = citizenActedFor(ctx.actor);
  const limit = options.limit ?? 20;
  const after = decodeCursor(options.cursor, { at: 'number', id: 'string' });
  const { db } = ctx.database;
  const [rows, counts] = await Promise.all([
    listCitizenErrands(db, citizenId, folder, limit + 1, after),
    countCitizenErrands(db, citizenId),
  ]);
  const page = pageOf(rows, limit, (row) => ({ at: row.last_event_at, id: row.id }));
  return {
    items: await presentSummaries(cachedReferenceReads(ctx.database), page.items, deletionNoticeOf(ctx)),
    nextCursor: page.nextCursor,
    counts,
  };
}
