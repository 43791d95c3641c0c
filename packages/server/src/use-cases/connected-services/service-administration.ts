import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type ConnectedService,
  type ConnectedServiceBody,
  type FieldError,
  SERVICE_CLAIMS,
  type ServiceAdminAction,
} from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { serverTexts } from '../../i18n/server-texts.ts';
import {
  type ConnectedServiceRow,
  filterUnitsOfRegion,
  findConnectedService,
  listServiceUnits,
} from '../../storage/repositories/connected-service.repository.ts';
import {
  insertRegionAdminChange,
  lockRegionForChange,
} from '../../storage/repositories/region-administration.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import { insertUnitAdminChange, lockUnitForChange } from '../../storage/repositories/unit-administration.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { regionOf } from '../regions/region-administration.ts';
import type { UseCaseContext } from '../services.ts';
import { safeHttpsUrl } from '../units/external-links.ts';
import { assertUnitAdministrator, plainTextProblems, trimmed, validationFailed } from '../units/unit-administration.ts';

// What every connected-service use case shares. A service belongs to a region (registered by a
// regional administrator) or to one unit (registered by its unit administrator). The scope is
// where the caller acts: a regional administrator sees every service of their region, their
// units' own included; a unit administrator sees only their unit's own. A service outside the
// scope does not exist for the caller (404).

/** Where an administrator acts: their region session, or the unit of the address. */
export type ServiceScope = { kind: 'region' } | { kind: 'unit'; unitHsaId: string };

/** The scope resolved after authorization: the region it lies in, and the unit for a unit's scope. */
export type ResolvedScope = { regionCode: string; unitHsaId: string | null };

/** Authorization, the first statement of every use case: 401/404/403 as for region and unit administration. */
export async function resolveScope(ctx: UseCaseContext<StaffActor>, scope: ServiceScope): Promise<ResolvedScope> {
  if (scope.kind === 'region') return { regionCode: regionOf(ctx.actor), unitHsaId: null };
  assertUnitAdministrator(ctx.actor, scope.unitHsaId);
  const unit = await findCareUnit(ctx.database.db, scope.unitHsaId);
  if (!unit) throw new AppError('not-found');
  return { regionCode: unit.region_code, unitHsaId: unit.hsa_id };
}

/** Whether the scope may see and change the service. */
export function inScope(row: ConnectedServiceRow, scope: ResolvedScope): boolean {
  return scope.unitHsaId === null
    ? row.region_code === scope.regionCode
    : row.owner_unit_hsa_id === scope.unitHsaId && row.region_code === scope.regionCode;
}

/** The service, if the scope may see it; 404 otherwise (another region's or unit's looks like none). */
export async function serviceInScope(
  db: Kysely<DatabaseSchema>,
  scope: ResolvedScope,
  serviceId: string,
): Promise<ConnectedServiceRow> {
  const row = await findConnectedService(db, serviceId);
  if (!row || !inScope(row, scope)) throw new AppError('not-found');
  return row;
}

/**
 * Runs one change in a transaction with the scope's region (or unit) locked, so limits are
 * counted and the change records written by one change at a time.
 */
export async function changeInScope<T>(
  ctx: UseCaseContext<StaffActor>,
  scope: ResolvedScope,
  work: (trx: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const locked =
      scope.unitHsaId === null
        ? await lockRegionForChange(trx, ctx.database.dialect, scope.regionCode)
        : await lockUnitForChange(trx, ctx.database.dialect, scope.unitHsaId);
    if (!locked) throw new AppError('not-found');
    return work(trx);
  });
}

/**
 * Records a change in the change record of where the caller acts (the region's or the unit's) and,
 * when a regional administrator changes a unit's own service, in that unit's record too.
 */
export async function recordServiceChange(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  scope: ResolvedScope,
  row: Pick<ConnectedServiceRow, 'id' | 'owner_unit_hsa_id'>,
  action: ServiceAdminAction,
): Promise<void> {
  const base = { at: ctx.now, staff_hsa_id: ctx.actor.hsaId, action };
  if (scope.unitHsaId === null) {
    await insertRegionAdminChange(trx, {
      ...base,
      id: randomUUID(),
      region_code: scope.regionCode,
      errand_type: null,
      service_id: row.id,
    });
  }
  if (row.owner_unit_hsa_id !== null) {
    await insertUnitAdminChange(trx, {
      ...base,
      id: randomUUID(),
      unit_hsa_id: row.owner_unit_hsa_id,
      errand_type: null,
      form_version: null,
      link_id: row.id,
    });
  }
}

export type CheckedService = {
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  url: string;
  units: string[];
  handOver: { redirectUris: string[]; claims: string[] } | null;
};

/**
 * Checks a body against the rules the schema cannot state: plain texts, an https address, units
 * the service may be shown at (the region's; for a unit's own service only that unit), redirect
 * URIs a client may use. Every problem is named by its field.
 */
export async function checkServiceBody(
  db: Kysely<DatabaseSchema>,
  body: ConnectedServiceBody,
  allowedUnits: { regionCode: string; onlyUnit: string | null },
  language: Language,
): Promise<CheckedService> {
  const errors: FieldError[] = [
    ...plainTextProblems('body.name', body.name, language),
    ...plainTextProblems('body.description', body.description, language),
  ];
  const url = safeHttpsUrl(body.url);
  if (!url)
    errors.push({
      path: 'body.url',
      code: 'not-an-https-url',
      message: serverTexts(language)('field.service.https-url'),
    });
  const inRegion = await filterUnitsOfRegion(db, allowedUnits.regionCode, body.units);
  const seenUnits = new Set<string>();
  body.units.forEach((hsaId, index) => {
    const path = `body.units[${index}]`;
    if (seenUnits.has(hsaId)) {
      errors.push({ path, code: 'duplicate-unit', message: serverTexts(language)('field.service.duplicate-unit') });
    } else if (allowedUnits.onlyUnit !== null && hsaId !== allowedUnits.onlyUnit) {
      errors.push({ path, code: 'not-this-unit', message: serverTexts(language)('field.service.not-this-unit') });
    } else if (!inRegion.has(hsaId)) {
      errors.push({
        path,
        code: 'unit-not-in-region',
        message: serverTexts(language)('field.service.unit-not-in-region'),
      });
    }
    seenUnits.add(hsaId);
  });
  let handOver: CheckedService['handOver'] = null;
  if (body.handOver) {
    const redirectUris: string[] = [];
    body.handOver.redirectUris.forEach((text, index) => {
      const path = `body.handOver.redirectUris[${index}]`;
      const uri = redirectUri(text);
      if (!uri) {
        errors.push({
          path,
          code: 'invalid-redirect-uri',
          message: serverTexts(language)('field.service.redirect-uri'),
        });
      } else if (redirectUris.includes(uri)) {
        errors.push({
          path,
          code: 'duplicate-redirect-uri',
          message: serverTexts(language)('field.service.duplicate-redirect-uri'),
        });
      } else {
        redirectUris.push(uri);
      }
    });
    const claims = new Set(body.handOver.claims);
    if (claims.size !== body.handOver.claims.length) {
      errors.push({
        path: 'body.handOver.claims',
        code: 'duplicate-claim',
        message: serverTexts(language)('field.service.duplicate-claim'),
      });
    }
    handOver = { redirectUris, claims: SERVICE_CLAIMS.filter((claim) => claims.has(claim)) };
  }
  if (errors.length > 0 || !url) throw validationFailed(errors);
  return { name: trimmed(body.name), description: trimmed(body.description), url, units: body.units, handOver };
}

/**
 * A redirect URI a client may register: https with a host name, or http on the local machine (a
 * development service); no credentials and no fragment (OpenID Connect forbids one).
 */
export function redirectUri(text: string): string | undefined {
  if (text !== text.trim() || /[\s\p{Cc}]/u.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '' || text.includes('#')) return undefined;
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const secure = url.protocol === 'https:' && url.hostname.includes('.');
  return local || secure ? url.href : undefined;
}

/** A new client secret (shown once) and the hash that is stored. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashClientSecret(secret) };
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newClientId(): string {
  return `kontakta-${randomBytes(12).toString('base64url').replace(/_/g, 'a')}`;
}

/** The services as an administrator sees them, with the units showing each. */
export async function presentServices(
  db: Kysely<DatabaseSchema>,
  rows: readonly ConnectedServiceRow[],
): Promise<ConnectedService[]> {
  const units = await listServiceUnits(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: { sv: row.name_sv, en: row.name_en },
    description: { sv: row.description_sv, en: row.description_en },
    url: row.url,
    owner: { kind: row.owner_unit_hsa_id === null ? 'region' : 'unit', unitHsaId: row.owner_unit_hsa_id },
    units: units.filter((unit) => unit.service_id === row.id).map((unit) => ({ hsaId: unit.hsa_id, name: unit.name })),
    handOver:
      row.client_id === null
        ? null
        : {
            clientId: row.client_id,
            redirectUris: JSON.parse(row.redirect_uris ?? '[]') as string[],
            claims: JSON.parse(row.claims ?? '[]') as string[],
          },
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  }));
}
