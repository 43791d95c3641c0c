import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const insertProbe = (id: string) => async (trx: TestDatabase['db']) => {
  await sql`insert into shared_commit_probe (id) values (${id})`.execute(trx);
  return id;
};

async function probeIds(db: TestDatabase['db']): Promise<string[]> {
  const result = await sql<{ id: string }>`select id from shared_commit_probe order by id`.execute(db);
  return result.rows.map((row) => row.id);
}

describe.each(DIALECTS)('transactions that may share a COMMIT (%s)', (dialect) => {
  it('keeps the writes of each that succeeds and undoes only the one that fails, telling each its own outcome', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const { db, sharedCommit } = database;
    await sql`create table shared_commit_probe (id text primary key)`.execute(db);
    await sql`insert into shared_commit_probe (id) values ('z')`.execute(db);

    const outcomes = await Promise.allSettled([
      sharedCommit(insertProbe('a')),
      sharedCommit(async (trx) => {
        await insertProbe('b')(trx);
        throw new Error('the citizen’s form was refused');
      }),
      sharedCommit(insertProbe('c')),
      sharedCommit(insertProbe('z')),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(outcomes[0]).toMatchObject({ value: 'a' });
    expect(outcomes[1]).toMatchObject({ reason: { message: 'the citizen’s form was refused' } });
    expect(outcomes[3]).toMatchObject({ reason: { message: expect.stringMatching(/unique|duplicate/i) } });
    expect(await probeIds(db)).toEqual(['a', 'c', 'z']);

    // One asked for alone commits as a transaction of its own.
    await sharedCommit(insertProbe('d'));
    expect(await probeIds(db)).toEqual(['a', 'c', 'd', 'z']);
  });
});

describe('sharing a COMMIT on SQLite', () => {
  it('commits the transactions asked for in one turn together, and answers each caller only once that COMMIT is done', async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
    const { db, sharedCommit, config } = database;
    await sql`create table shared_commit_probe (id text primary key)`.execute(db);
    if (config.dialect !== 'sqlite') throw new Error('SQLite only');
    // Another connection, as the WAL checkpointer or a backup has: it sees committed rows only.
    const other = new DatabaseSync(config.file, { readOnly: true });
    const committedIds = () =>
      other
        .prepare('select id from shared_commit_probe order by id')
        .all()
        .map((row) => row.id);

    try {
      const seenInside: unknown[][] = [];
      const seenByCallers: unknown[][] = [];
      const first = sharedCommit(insertProbe('a')).then(() => seenByCallers.push(committedIds()));
      const second = sharedCommit(async (trx) => {
        // The first one's row is written but not yet committed when the second runs…
        seenInside.push(committedIds());
        // …and the second sees it, as it would have after the first one's commit.
        const inside = await sql<{ id: string }>`select id from shared_commit_probe`.execute(trx);
        seenInside.push(inside.rows.map((row) => row.id));
        return insertProbe('b')(trx);
      }).then(() => seenByCallers.push(committedIds()));
      await Promise.all([first, second]);

      expect(seenInside).toEqual([[], ['a']]);
      expect(seenByCallers).toEqual([
        ['a', 'b'],
        ['a', 'b'],
      ]);
    } finally {
      other.close();
    }
  });

  it('fails every caller when the shared COMMIT fails, and keeps none of their writes', async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
    const { db, sharedCommit } = database;
    await sql`create table shared_commit_probe (id text primary key)`.execute(db);
    // A deferred foreign key is checked at COMMIT only: a way to make a COMMIT fail on purpose.
    await sql`create table shared_commit_child (parent text references shared_commit_probe (id) deferrable initially deferred)`.execute(
      db,
    );

    const outcomes = await Promise.allSettled([
      sharedCommit(insertProbe('a')),
      sharedCommit(async (trx) => {
        await sql`insert into shared_commit_child (parent) values ('nobody')`.execute(trx);
      }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes[0]).toMatchObject({ reason: { message: expect.stringMatching(/foreign key/i) } });
    expect(await probeIds(db)).toEqual([]);
  });
});
