import { randomBytes, randomUUID } from 'node:crypto';
import { SERVICE_CLAIMS, type ServiceClaim } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  type ConnectedServiceRow,
  findConnectedService,
} from '../../storage/repositories/connected-service.repository.ts';
import {
  findCitizenForHandOver,
  findServiceByClientId,
  findServiceConsent,
  findServiceConsentBySubject,
  insertHandOver,
  type ServiceConsentRow,
  upsertServiceConsent,
} from '../../storage/repositories/service-consent.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

// Handing a citizen's Kontakta login over to a connected service (Kontakta as OpenID Provider).
// The provider's authorization request waits as an "interaction"; the citizen's web app asks what
// it is about and answers it. These types are the port the use cases see the provider through.

/** The issuer of Kontakta's provider for connected services: the installation's public URL and /oidc. */
export function serviceProviderIssuer(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/oidc`;
}

/**
 * Where a contact card sends a citizen to a service that takes a hand-over: the service's own
 * address with `iss` (OpenID Connect's login initiated by a third party), so the service starts
 * its code flow with Kontakta and the citizen arrives logged in.
 */
export function initiateLoginUrl(serviceUrl: string, issuer: string): string {
  const url = new URL(serviceUrl);
  url.searchParams.set('iss', issuer);
  return url.href;
}

/** An authorization request waiting for the citizen. */
export type HandOverRequest = Readonly<{ clientId: string }>;

/** What the citizen decided: the pairwise subject and the claims handed over, or a refusal. */
export type HandOverResult =
  | Readonly<{ subject: string; claims: readonly ServiceClaim[] }>
  | Readonly<{ denied: true }>;

export type HandOverInteractions = Readonly<{
  /** The request waiting at `uid`; undefined when it is unknown or has expired. */
  find(uid: string): Promise<HandOverRequest | undefined>;
  /** Answers the request; the address the browser goes on to (the provider, then the service). */
  finish(uid: string, result: HandOverResult): Promise<string>;
}>;

/** The claims a service is approved for, in the fixed order. */
export function approvedClaims(row: Pick<ConnectedServiceRow, 'claims'>): ServiceClaim[] {
  const approved = new Set(JSON.parse(row.claims ?? '[]') as string[]);
  return SERVICE_CLAIMS.filter((claim) => approved.has(claim));
}

/** Whether an earlier consent covers everything the service is approved for now. */
export function consentCovers(consent: ServiceConsentRow | undefined, claims: readonly ServiceClaim[]): boolean {
  if (!consent) return false;
  const given = new Set(JSON.parse(consent.claims) as string[]);
  return claims.every((claim) => given.has(claim));
}

/**
 * The waiting request and its service, for the logged-in citizen; authorization first. A guardian
 * acting for a child is refused (409): only the person who logged in can be handed over.
 */
export async function pendingHandOver(
  ctx: UseCaseContext<CitizenActor>,
  interactions: HandOverInteractions,
  uid: string,
): Promise<{ service: ConnectedServiceRow; claims: ServiceClaim[] }> {
  if (ctx.actor.kind !== 'citizen') throw new AppError('not-found');
  if (ctx.actor.actingForCitizenId) throw new AppError('conflict', 'hand-over-while-acting-for');
  const request = await interactions.find(uid);
  if (!request) throw new AppError('not-found', 'hand-over-expired');
  const service = await findServiceByClientId(ctx.database.db, request.clientId);
  if (!service || service.client_id === null) throw new AppError('not-found');
  return { service, claims: approvedClaims(service) };
}

/**
 * Records the consent (a new pairwise subject the first time), the hand-over itself, and answers
 * the provider. The hand-over is written first: a login handed over is always in the record.
 */
export async function completeHandOver(
  ctx: UseCaseContext<CitizenActor>,
  interactions: HandOverInteractions,
  uid: string,
  service: ConnectedServiceRow,
  claims: readonly ServiceClaim[],
): Promise<string> {
  const subject = await ctx.database.db.transaction().execute(async (trx: Kysely<DatabaseSchema>) => {
    const existing = await findServiceConsent(trx, service.id, ctx.actor.citizenId);
    const consent: ServiceConsentRow = {
      service_id: service.id,
      citizen_id: ctx.actor.citizenId,
      subject: existing?.subject ?? randomBytes(24).toString('base64url'),
      claims: JSON.stringify(claims),
      granted_at: existing && consentCovers(existing, claims) ? existing.granted_at : ctx.now,
    };
    if (!existing || consent.granted_at !== existing.granted_at) await upsertServiceConsent(trx, consent);
    await insertHandOver(trx, {
      id: randomUUID(),
      at: ctx.now,
      service_id: service.id,
      citizen_id: ctx.actor.citizenId,
      claims: JSON.stringify(claims),
    });
    return consent.subject;
  });
  return interactions.finish(uid, { subject, claims });
}

/** A connected service as a client of the provider: its id, the hash of its secret, its redirect URIs. */
export async function findServiceClient(
  database: Pick<UseCaseContext, 'database'>['database'],
  clientId: string,
): Promise<{ clientId: string; secretHash: string; redirectUris: string[] } | undefined> {
  const service = await findServiceByClientId(database.db, clientId);
  if (!service?.client_id || !service.client_secret_hash) return undefined;
  return {
    clientId: service.client_id,
    secretHash: service.client_secret_hash,
    redirectUris: JSON.parse(service.redirect_uris ?? '[]') as string[],
  };
}

/**
 * The citizen behind a pairwise subject, for the provider to issue claims: only what they
 * consented to and the service is still approved for.
 */
export async function findHandedOverAccount(
  database: Pick<UseCaseContext, 'database'>['database'],
  subject: string,
): Promise<
  { clientId: string; claims: ServiceClaim[]; givenName: string; familyName: string; personnummer: string } | undefined
> {
  const consent = await findServiceConsentBySubject(database.db, subject);
  if (!consent) return undefined;
  const service = await findConnectedService(database.db, consent.service_id);
  const citizen = await findCitizenForHandOver(database.db, consent.citizen_id);
  if (!service?.client_id || !citizen) return undefined;
  const consented = new Set(JSON.parse(consent.claims) as string[]);
  return {
    clientId: service.client_id,
    claims: approvedClaims(service).filter((claim) => consented.has(claim)),
    givenName: citizen.given_name,
    familyName: citizen.family_name,
    personnummer: citizen.personnummer,
  };
}
