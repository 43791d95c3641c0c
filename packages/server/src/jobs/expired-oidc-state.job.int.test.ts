import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { expiredOidcStateJob } from './expired-oidc-state.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

const NOW = new Date('2026-12-06T09:07:00Z');

async function seedPayloads(database: Database): Promise<void> {
  const payload = (id: string, expiresIn: number | null) => ({
    model: 'Interaction',
    id,
    payload: '{}',
    grant_id: null,
    uid: id,
    expires_at: expiresIn === null ? null : NOW.getTime() + expiresIn,
  });
  await database.db
    .insertInto('oidc_payload')
    .values([payload('live', 60_000), payload('expired', -1), payload('just-now', 0), payload('forever', null)])
    .execute();
}

async function ids(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('oidc_payload').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

describe.each(DIALECTS)('the expired-oidc-state job on %s', (dialect) => {
  it('deletes the provider state that has expired, and survives being killed at any point', async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed: seedPayloads,
      job: expiredOidcStateJob(),
      now: NOW,
      snapshot: ids,
    });
    expect(clean).toEqual(['forever', 'live']);
    expect(checkpoints).toBe(2);
  });
});
