import type { Kysely } from 'kysely';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { decodeCursor, pageOf } from '../pagination.ts';

type ChangeRow = { at: number; id: string; staff_hsa_id: string };

/**
 * One page of a change log (a unit's or a region's), newest first by cursor, with the name of
 * whoever made each change (their HSA id where the name is unknown).
 */
export async function changeLogPage<Row extends ChangeRow>(
  db: Kysely<DatabaseSchema>,
  query: { cursor?: string | undefined; limit?: number | undefined },
  list: (limit: number, after: { at: number; id: string } | undefined) => Promise<Row[]>,
) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, { at: 'number', id: 'string' });
  const page = pageOf(await list(limit + 1, after), limit, (row) => ({ at: row.at, id: row.id }));
  const staff = await findStaffNames(db, [...new Set(page.items.map((row) => row.staff_hsa_id))]);
  const names = new Map(staff.map((n) => [n.id, `${n.given_name} ${n.family_name}`]));
  return {
    items: page.items.map((row) => ({ row, staffName: names.get(row.staff_hsa_id) ?? row.staff_hsa_id })),
    nextCursor: page.nextCursor,
  };
}
