import { describe, expect, it } from 'vitest';
import { THROTTLE_MEMORY_MS } from '../identity/login-throttle.policy.ts';
import type { Database } from '../storage/database.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../use-cases/idempotency/begin-idempotent-request.ts';
import { CONTACT_VERIFICATION_GRACE_MS, loginHousekeepingJob } from './login-housekeeping.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

const NOW = new Date('2026-12-06T09:07:00Z');
const now = NOW.getTime();
const MESSAGE_WINDOW_MS = 15 * 60_000;

const quiet = () => {};
const context = (database: Database) => ({
  database,
  now: NOW,
  logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  signal: new AbortController().signal,
  checkpoint: async () => {},
});

async function seedCitizens(database: Database, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, i) => i);
  await database.db
    .insertInto('citizen')
    .values(
      ids.map((i) => ({
        id: `citizen-${i}`,
        personnummer: `19900101${String(i).padStart(4, '0')}`,
        given_name: 'Test',
        family_name: 'Person',
        created_at: now - 1000,
        last_login_at: null,
      })),
    )
    .execute();
  await database.db
    .insertInto('password_credential')
    .values({
      id: 'credential',
      citizen_id: 'citizen-0',
      password_hash: 'hash',
      mobile: '+46701234567',
      status: 'active',
      terms_accepted_at: now - 1000,
      created_at: now - 1000,
      activated_at: now - 1000,
    })
    .execute();
}

/**
 * For each table, `expired` rows just past its window (named gone-…) and rows just inside it
 * (kept-…), so the boundaries are checked on both sides.
 */
async function seed(database: Database, expired = 1): Promise<void> {
  await seedCitizens(database, expired + 1);
  const gone = Array.from({ length: expired }, (_, i) => `gone-${i}`);
  const { db } = database;
  const flow = (id: string, expiresAt: number) => ({
    id_hash: id,
    audience: 'citizen' as const,
    state: 's',
    nonce: 'n',
    code_verifier: 'v',
    created_at: now - 600_000,
    expires_at: expiresAt,
  });
  await db
    .insertInto('login_flow')
    .values([...gone.map((id) => flow(id, now)), flow('kept-alive', now + 1)])
    .execute();
  const code = (token: string, expiresAt: number) => ({
    token_hash: token,
    credential_id: 'credential',
    code_hash: 'k:hash',
    failed_tries: 0,
    created_at: now - 300_000,
    expires_at: expiresAt,
    resends: 0,
  });
  await db
    .insertInto('login_code')
    .values([...gone.map((id) => code(id, now)), code('kept-alive', now + 1)])
    .execute();
  const verification = (citizen: number, expiresAt: number) => ({
    citizen_id: `citizen-${citizen}`,
    channel: 'email' as const,
    address: 'someone@example.se',
    code_hash: 'k:hash',
    expires_at: expiresAt,
    attempts: 0,
  });
  await db
    .insertInto('contact_verification')
    .values([
      ...gone.map((_, i) => verification(i, now - CONTACT_VERIFICATION_GRACE_MS)),
      verification(expired, now - CONTACT_VERIFICATION_GRACE_MS + 1),
    ])
    .execute();
  const staff = Array.from({ length: expired + 1 }, (_, i) => `SE2321000016-S${i}`);
  await db
    .insertInto('staff_member')
    .values(
      staff.map((hsa_id) => ({
        hsa_id,
        given_name: 'Sofia',
        family_name: 'Holmgren',
        profession: 'nurse',
        updated_at: 1,
      })),
    )
    .execute();
  const staffVerification = (hsaId: string, expiresAt: number) => ({
    staff_hsa_id: hsaId,
    address: 'sofia@region.se',
    code_hash: 'k:hash',
    expires_at: expiresAt,
    attempts: 0,
  });
  await db
    .insertInto('staff_contact_verification')
    .values([
      ...gone.map((_, i) => staffVerification(staff[i] as string, now - CONTACT_VERIFICATION_GRACE_MS)),
      staffVerification(staff[expired] as string, now - CONTACT_VERIFICATION_GRACE_MS + 1),
    ])
    .execute();
  const throttle = (key: string, lastFailureAt: number, lockedUntil = 0) => ({
    key,
    failures: 3,
    locked_until: lockedUntil,
    last_failure_at: lastFailureAt,
  });
  await db
    .insertInto('login_throttle')
    .values([
      ...gone.map((key) => throttle(key, now - THROTTLE_MEMORY_MS - 1, now)),
      throttle('kept-recent', now - THROTTLE_MEMORY_MS),
      // Cannot happen with today's rules (a lock lasts at most an hour), but a lock is never cut short.
      throttle('kept-locked', now - THROTTLE_MEMORY_MS - 1, now + 1),
    ])
    .execute();
  const limit = (key: string, windowStart: number) => ({ key, window_start: windowStart, count: 2 });
  await db
    .insertInto('message_limit')
    .values([
      ...gone.map((key) => limit(key, now - MESSAGE_WINDOW_MS - 1)),
      limit('kept-window', now - MESSAGE_WINDOW_MS),
    ])
    .execute();
  const idempotencyKey = (key: string, createdAt: number) => ({
    actor: 'citizen:citizen-0',
    key,
    claim: `claim-${key}`,
    fingerprint: 'f',
    fingerprint_key_id: 'k',
    status_code: 201,
    response_body: null,
    created_at: createdAt,
  });
  await db
    .insertInto('idempotency_key')
    .values([
      ...gone.map((key) => idempotencyKey(key, now - IDEMPOTENCY_KEY_LIFETIME_MS - 1)),
      idempotencyKey('kept-fresh', now - IDEMPOTENCY_KEY_LIFETIME_MS),
    ])
    .execute();
}

async function remaining(database: Database) {
  const { db } = database;
  return {
    loginFlows: (await db.selectFrom('login_flow').select('id_hash').orderBy('id_hash').execute()).map(
      (r) => r.id_hash,
    ),
    loginCodes: (await db.selectFrom('login_code').select('token_hash').orderBy('token_hash').execute()).map(
      (r) => r.token_hash,
    ),
    contactVerifications: (
      await db.selectFrom('contact_verification').select('citizen_id').orderBy('citizen_id').execute()
    ).map((r) => r.citizen_id),
    staffContactVerifications: (
      await db.selectFrom('staff_contact_verification').select('staff_hsa_id').orderBy('staff_hsa_id').execute()
    ).map((r) => r.staff_hsa_id),
    loginThrottles: (await db.selectFrom('login_throttle').select('key').orderBy('key').execute()).map((r) => r.key),
    messageLimits: (await db.selectFrom('message_limit').select('key').orderBy('key').execute()).map((r) => r.key),
    idempotencyKeys: (await db.selectFrom('idempotency_key').select('key').orderBy('key').execute()).map((r) => r.key),
  };
}

const KEPT = {
  loginFlows: ['kept-alive'],
  loginCodes: ['kept-alive'],
  contactVerifications: ['citizen-3'],
  staffContactVerifications: ['SE2321000016-S3'],
  loginThrottles: ['kept-locked', 'kept-recent'],
  messageLimits: ['kept-window'],
  idempotencyKeys: ['kept-fresh'],
};

describe.each(DIALECTS)('the login-housekeeping job on %s', (dialect) => {
  it('deletes what is past its window, keeps what is just inside, in batches, and survives being killed at any point', {
    timeout: 180_000,
  }, async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed: (database) => seed(database, 3),
      job: loginHousekeepingJob({ batchSize: 2 }),
      now: NOW,
      snapshot: remaining,
    });
    expect(clean).toEqual(KEPT);
    // Three rows to go in each of seven tables, two a batch: a full batch and a short one each.
    expect(checkpoints).toBe(14);
  });

  it('reports what it deleted, and a second run deletes nothing', async () => {
    const database = await createTestDatabase(dialect);
    try {
      await seed(database, 3);
      const job = loginHousekeepingJob({ batchSize: 2 });
      expect(await job.run(context(database))).toEqual({
        counts: {
          loginFlows: 3,
          loginCodes: 3,
          contactVerifications: 3,
          staffContactVerifications: 3,
          loginThrottles: 3,
          messageLimits: 3,
          idempotencyKeys: 3,
        },
      });
      const again = await job.run(context(database));
      expect(Object.values(again.counts ?? {})).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(await remaining(database)).toEqual(KEPT);
    } finally {
      await database.drop();
    }
  });

  it('works through a backlog larger than one batch of 1 000', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const rows = Array.from({ length: 2_345 }, (_, i) => ({
        key: `old-${i}`,
        window_start: now - MESSAGE_WINDOW_MS - 1 - i,
        count: 1,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await database.db
          .insertInto('message_limit')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      let checkpoints = 0;
      const result = await loginHousekeepingJob().run({
        ...context(database),
        checkpoint: async () => void checkpoints++,
      });
      expect(result.counts?.messageLimits).toBe(2_345);
      // Three batches for the message counters, one (empty) for each of the six other tables.
      expect(checkpoints).toBe(3 + 6);
      expect(await database.db.selectFrom('message_limit').select('key').execute()).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
