import type { Kysely } from 'kysely';
import { binaryType, timestampType } from './portable.ts';

// Connected external services (issue 16 point 2): a region (or a unit) registers an external
// e-service that its units' contact cards show. A service may be an OpenID Connect client of
// Kontakta (a hand-over of the citizen's login): then it has a client id, the hash of its secret
// (the secret itself is shown once and never stored), its redirect URIs and the claims it was
// approved for. Which units show it is a table of its own, read by unit for every contact card.
// Region-level changes name the service in the region's change record (`service_id`); a unit's
// own services are recorded in the unit's record, by `link_id`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connected_service')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('owner_unit_hsa_id', 'text')
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_sv', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('client_secret_hash', 'text')
    .addColumn('redirect_uris', 'text')
    .addColumn('claims', 'text')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connected_service_region_idx')
    .on('connected_service')
    .columns(['region_code', 'owner_unit_hsa_id'])
    .execute();
  await db.schema
    .createIndex('connected_service_owner_unit_idx')
    .on('connected_service')
    .columns(['owner_unit_hsa_id'])
    .execute();
  await db.schema
    .createIndex('connected_service_client_id_idx')
    .on('connected_service')
    .columns(['client_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('connected_service_unit')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connected_service_unit_pk', ['service_id', 'unit_hsa_id'])
    .execute();
  await db.schema
    .createIndex('connected_service_unit_unit_idx')
    .on('connected_service_unit')
    .columns(['unit_hsa_id', 'service_id'])
    .execute();
  await db.schema.alterTable('region_admin_change').addColumn('service_id', 'text').execute();

  // Kontakta as OpenID Provider for the services. A citizen's consent to one service, with the
  // pairwise subject the service knows them by and the claims consented to.
  await db.schema
    .createTable('connected_service_consent')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('claims', 'text', (c) => c.notNull())
    .addColumn('granted_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('connected_service_consent_pk', ['service_id', 'citizen_id'])
    .execute();
  await db.schema
    .createIndex('connected_service_consent_subject_idx')
    .on('connected_service_consent')
    .columns(['subject'])
    .unique()
    .execute();
  await db.schema
    .createIndex('connected_service_consent_citizen_idx')
    .on('connected_service_consent')
    .columns(['citizen_id'])
    .execute();
  // Every hand-over of a login: when, to which service, for whom and which claims (names only).
  await db.schema
    .createTable('connected_service_hand_over')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('claims', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connected_service_hand_over_citizen_idx')
    .on('connected_service_hand_over')
    .columns(['citizen_id', 'at'])
    .execute();
  // oidc-provider's short-lived state (interactions, codes, tokens, grants), shared by every process.
  await db.schema
    .createTable('oidc_payload')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('uid', 'text')
    .addColumn('expires_at', timestampType(db))
    .addPrimaryKeyConstraint('oidc_payload_pk', ['model', 'id'])
    .execute();
  await db.schema.createIndex('oidc_payload_uid_idx').on('oidc_payload').columns(['uid']).execute();
  await db.schema.createIndex('oidc_payload_grant_idx').on('oidc_payload').columns(['grant_id']).execute();
  await db.schema.createIndex('oidc_payload_expires_idx').on('oidc_payload').columns(['expires_at']).execute();
  // The provider's ID-token signing key (`id` is its kid): a private JWK sealed under a data key
  // wrapped by a master key, so `kontakta keys rewrap` covers it like an errand's key.
  await db.schema
    .createTable('oidc_signing_key')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('wrapped_key', binaryType(db), (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('sealed_jwk', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oidc_signing_key').execute();
  await db.schema.dropTable('oidc_payload').execute();
  await db.schema.dropTable('connected_service_hand_over').execute();
  await db.schema.dropTable('connected_service_consent').execute();
  await db.schema.alterTable('region_admin_change').dropColumn('service_id').execute();
  await db.schema.dropTable('connected_service_unit').execute();
  await db.schema.dropTable('connected_service').execute();
}
