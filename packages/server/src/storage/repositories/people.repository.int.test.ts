import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { findPeople, upsertStaffMember } from './people.repository.ts';

// An errand's history names its people in one statement, compiled once per shape (how many staff,
// how many citizens): each shape must name exactly the people asked for, whatever ran before it.

describe.each(DIALECTS)('naming the people of an errand on %s', (dialect) => {
  let database: TestDatabase;
  const staff = Array.from({ length: 9 }, (_, i) => `SE2321000016-S${String(i).padStart(4, '0')}`);
  const citizens = Array.from({ length: 9 }, (_, i) => `citizen-${i}`);
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    for (const [i, hsaId] of staff.entries()) {
      await upsertStaffMember(database.db, {
        hsa_id: hsaId,
        given_name: `Staff${i}`,
        family_name: 'Holmgren',
        profession: 'nurse',
        updated_at: 1,
      });
    }
    await database.db
      .insertInto('citizen')
      .values(
        citizens.map((id, i) => ({
          id,
          personnummer: `19900101${String(1000 + i)}`,
          given_name: `Citizen${i}`,
          family_name: 'Andersson',
          created_at: 1,
          last_login_at: null,
        })),
      )
      .execute();
  });
  afterAll(async () => database.drop());

  const names = async (staffCount: number, citizenCount: number, offset = 0) =>
    (
      await findPeople(database.db, {
        staff: staff.slice(offset, offset + staffCount),
        citizens: citizens.slice(offset, offset + citizenCount),
      })
    )
      .map((p) => `${p.kind}:${p.given_name}${p.kind === 'citizen' ? `:${p.personnummer}` : ''}`)
      .sort();

  it('names each shape right, the same shape with other people too', async () => {
    expect(await names(0, 0)).toEqual([]);
    expect(await names(1, 0)).toEqual(['staff:Staff0']);
    expect(await names(0, 1)).toEqual(['citizen:Citizen0:199001011000']);
    expect(await names(2, 1)).toEqual(['citizen:Citizen0:199001011000', 'staff:Staff0', 'staff:Staff1']);
    // The same shape again with other ids: the compiled statement takes the new arguments.
    expect(await names(2, 1, 3)).toEqual(['citizen:Citizen3:199001011003', 'staff:Staff3', 'staff:Staff4']);
  });

  it('a long history beyond the compiled shapes is named in full', async () => {
    const all = await names(9, 8);
    expect(all).toHaveLength(17);
    expect(all.filter((n) => n.startsWith('staff:'))).toHaveLength(9);
  });

  it('an unknown id names no one and leaves the others', async () => {
    const found = await findPeople(database.db, { staff: ['SE2321000016-NOPE', staff[5] as string], citizens: [] });
    expect(found.map((p) => p.given_name)).toEqual(['Staff5']);
  });
});
