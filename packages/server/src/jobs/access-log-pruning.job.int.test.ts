import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { chainState, NOW, seedChains } from '../use-cases/access-log/access-log.test-support.ts';
import { verifyAccessLog } from '../use-cases/access-log/verify-access-log.ts';
import { accessLogPruningJob } from './access-log-pruning.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

async function snapshot(database: Database) {
  return { ...(await chainState(database)), verified: await verifyAccessLog(database) };
}

describe.each(DIALECTS)('the access-log-pruning job on %s', (dialect) => {
  it('prunes in batches past the keep period, keeps the chain verifiable, and survives being killed at any point', async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed: seedChains,
      job: accessLogPruningJob({ keepYears: 5, batchSize: 3 }),
      now: NOW,
      snapshot,
    });
    expect(clean.rows).toEqual(['SE-UNIT-A:8', 'SE-UNIT-A:9', 'SE-UNIT-B:1', 'SE-UNIT-B:2']);
    expect(clean.anchors).toEqual([expect.objectContaining({ unit_hsa_id: 'SE-UNIT-A', position: 7 })]);
    expect(clean.verified).toEqual({ entries: 4, problems: [] });
    // Unit A: batches 1–3, 4–6, 7, then one that finds nothing; unit B: one that finds nothing.
    expect(checkpoints).toBe(5);
  });
});
