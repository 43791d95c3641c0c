import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  ConnectedServiceConsentEventTable,
  ConnectedServiceConsentTable,
  ConnectedServiceHandOverTable,
  OidcSigningKeyTable,
} from '../connected-service-schema.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { ConnectedServiceRow } from './connected-service.repository.ts';

// Kontakta as OpenID Provider: the services as clients, citizens' consents, hand-overs, the signing key.

export type ServiceConsentRow = Selectable<ConnectedServiceConsentTable>;
export type OidcSigningKeyRow = Selectable<OidcSigningKeyTable>;

export async function findServiceByClientId(
  db: Kysely<DatabaseSchema>,
  clientId: string,
): Promise<ConnectedServiceRow | undefined> {
  return db.selectFrom('connected_service').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function countServiceClients(db: Kysely<DatabaseSchema>): Promise<number> {
  const row = await db
    .selectFrom('connected_service')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('client_id', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findServiceConsent(
  db: Kysely<DatabaseSchema>,
  serviceId: string,
  citizenId: string,
): Promise<ServiceConsentRow | undefined> {
  return db
    .selectFrom('connected_service_consent')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
}

export async function findServiceConsentBySubject(
  db: Kysely<DatabaseSchema>,
  subject: string,
): Promise<ServiceConsentRow | undefined> {
  return db.selectFrom('connected_service_consent').selectAll().where('subject', '=', subject).executeTakeFirst();
}

/** A new consent, or the claims of an existing one replaced (the subject stays). */
export async function upsertServiceConsent(db: Kysely<DatabaseSchema>, row: ServiceConsentRow): Promise<void> {
  await db
    .insertInto('connected_service_consent')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['service_id', 'citizen_id']).doUpdateSet({ claims: row.claims, granted_at: row.granted_at }),
    )
    .execute();
}

export async function insertHandOver(
  db: Kysely<DatabaseSchema>,
  row: Insertable<ConnectedServiceHandOverTable>,
): Promise<void> {
  await db.insertInto('connected_service_hand_over').values(row).execute();
}

export async function findCitizenForHandOver(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
): Promise<{ personnummer: string; given_name: string; family_name: string } | undefined> {
  return db
    .selectFrom('citizen')
    .select(['personnummer', 'given_name', 'family_name'])
    .where('id', '=', citizenId)
    .executeTakeFirst();
}

export async function findNewestSigningKey(db: Kysely<DatabaseSchema>): Promise<OidcSigningKeyRow | undefined> {
  return db.selectFrom('oidc_signing_key').selectAll().orderBy('created_at', 'desc').orderBy('id').executeTakeFirst();
}

export async function insertSigningKey(db: Kysely<DatabaseSchema>, row: OidcSigningKeyRow): Promise<void> {
  await db.insertInto('oidc_signing_key').values(row).execute();
}

/** Forgets every consent to a service (removed, or its hand-over switched off): next time it asks again. */
export async function deleteServiceConsents(db: Kysely<DatabaseSchema>, serviceId: string): Promise<void> {
  await db.deleteFrom('connected_service_consent').where('service_id', '=', serviceId).execute();
}

/** A citizen's consent with the service it is for. */
export type CitizenConsentRow = ServiceConsentRow & { name_sv: string; name_en: string; url: string };

/** One page of a citizen's consents, newest first, after `after` (the last one of the page before). */
export async function listCitizenConsentsPage(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  limit: number,
  after: { at: number; serviceId: string } | undefined,
): Promise<CitizenConsentRow[]> {
  let query = db
    .selectFrom('connected_service_consent')
    .innerJoin('connected_service', 'connected_service.id', 'connected_service_consent.service_id')
    .selectAll('connected_service_consent')
    .select(['connected_service.name_sv', 'connected_service.name_en', 'connected_service.url'])
    .where('connected_service_consent.citizen_id', '=', citizenId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('connected_service_consent.granted_at', '<', after.at),
        eb.and([
          eb('connected_service_consent.granted_at', '=', after.at),
          eb('connected_service_consent.service_id', '<', after.serviceId),
        ]),
      ]),
    );
  }
  return query
    .orderBy('connected_service_consent.granted_at', 'desc')
    .orderBy('connected_service_consent.service_id', 'desc')
    .limit(limit)
    .execute();
}

/** When each of the services last got the citizen's login. */
export async function findLastHandOvers(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  serviceIds: readonly string[],
): Promise<Map<string, number>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('connected_service_hand_over')
    .select(['service_id', (eb) => eb.fn.max('at').as('last')])
    .where('citizen_id', '=', citizenId)
    .where('service_id', 'in', [...serviceIds])
    .groupBy('service_id')
    .execute();
  return new Map(rows.map((row) => [row.service_id, Number(row.last)]));
}

/** Forgets one citizen's consent to one service: the next hand-over asks again. */
export async function deleteServiceConsent(
  db: Kysely<DatabaseSchema>,
  serviceId: string,
  citizenId: string,
): Promise<void> {
  await db
    .deleteFrom('connected_service_consent')
    .where('service_id', '=', serviceId)
    .where('citizen_id', '=', citizenId)
    .execute();
}

export async function insertConsentEvent(
  db: Kysely<DatabaseSchema>,
  row: Insertable<ConnectedServiceConsentEventTable>,
): Promise<void> {
  await db.insertInto('connected_service_consent_event').values(row).execute();
}
