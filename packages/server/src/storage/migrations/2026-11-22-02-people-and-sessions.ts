import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Citizens and staff as Kontakta knows them (the registers stay the source of truth and are
// consulted at every login), and server-side sessions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('citizen')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('personnummer', 'text', (c) => c.notNull().unique())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_login_at', timestampType(db))
    .execute();

  await db.schema
    .createTable('staff_member')
    .addColumn('hsa_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();

  // The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no
  // usable session.
  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.references('citizen.id').onDelete('cascade'))
    .addColumn('staff_hsa_id', 'text', (c) => c.references('staff_member.hsa_id').onDelete('cascade'))
    .addColumn('unit_hsa_id', 'text', (c) => c.references('care_unit.hsa_id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('login_method', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_seen_at', timestampType(db), (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_citizen_idx').on('session').column('citizen_id').execute();
  await db.schema.createIndex('session_staff_idx').on('session').column('staff_hsa_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session').execute();
  await db.schema.dropTable('staff_member').execute();
  await db.schema.dropTable('citizen').execute();
}
