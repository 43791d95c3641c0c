import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Logging in: OpenID Connect flows in progress, password accounts with their one-time codes,
// failure counters for backoff, and login events for statistics (no personnummer there).
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per e-ID login in progress, between the redirect to the provider and its answer.
  // The browser holds a random token in a cookie; only its hash is the key.
  await db.schema
    .createTable('login_flow')
    .addColumn('id_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_flow_expires_idx').on('login_flow').column('expires_at').execute();

  // A password sent by letter. `pending` until its first successful login, which proves the
  // mobile number given at set-up; then `active`, replacing any earlier credential.
  await db.schema
    .createTable('password_credential')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('terms_accepted_at', timestampType(db), (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('activated_at', timestampType(db))
    .execute();
  await db.schema
    .createIndex('password_credential_citizen_idx')
    .on('password_credential')
    .columns(['citizen_id', 'status'])
    .execute();

  // A one-time code sent by SMS, bound to the browser that gave the right password.
  await db.schema
    .createTable('login_code')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('credential_id', 'text', (c) => c.notNull().references('password_credential.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('code_salt', 'text', (c) => c.notNull())
    .addColumn('failed_tries', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_code_credential_idx').on('login_code').column('credential_id').execute();
  await db.schema.createIndex('login_code_expires_idx').on('login_code').column('expires_at').execute();

  // Consecutive failures per key (a hashed personnummer, or a hashed client address). Kept for
  // personnummer without an account too, so that the answers do not tell which have one.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', timestampType(db), (c) => c.notNull())
    .addColumn('last_failure_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_throttle_last_failure_idx')
    .on('login_throttle')
    .column('last_failure_at')
    .execute();

  // For statistics (login methods over time and by municipality): who logged in is not recorded.
  await db.schema
    .createTable('login_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('occurred_at', timestampType(db), (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('municipality_code', 'text')
    .execute();
  await db.schema.createIndex('login_event_time_idx').on('login_event').columns(['occurred_at', 'method']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_event').execute();
  await db.schema.dropTable('login_throttle').execute();
  await db.schema.dropTable('login_code').execute();
  await db.schema.dropTable('password_credential').execute();
  await db.schema.dropTable('login_flow').execute();
}
