import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import {
  type FormVersionRow,
  findFormVersion,
  findUnitErrandType,
  type UnitErrandTypeRow,
} from '../storage/repositories/errand-type.repository.ts';
import {
  findRegionPolicyOfUnit,
  type RegionErrandTypePolicyRow,
} from '../storage/repositories/region-administration.repository.ts';
import {
  type CareUnitRow,
  findCareUnits,
  findUnitSetting,
  type UnitSettingRow,
} from '../storage/repositories/unit.repository.ts';
import {
  listUnitClosureSpans,
  listUnitClosures,
  type UnitClosureRow,
} from '../storage/repositories/unit-closure.repository.ts';
import {
  findUnitContactCard,
  listUnitReplyTimes,
  type UnitContactCardRow,
  type UnitReplyTimeRow,
} from '../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

/**
 * The reference data the hot paths (send, open, lists) read: units, their offering and forms, and
 * what their reply deadlines are counted from (contact card, reply times, closures).
 */
export type ReferenceReads = Readonly<{
  unitErrandType(unitHsaId: string, errandType: string): Promise<UnitErrandTypeRow | undefined>;
  /** The frame the unit's region set for the type, if it set one. */
  regionPolicyOfUnit(unitHsaId: string, errandType: string): Promise<RegionErrandTypePolicyRow | undefined>;
  /** The unit's closures that have not ended by `fromDate` (`YYYY-MM-DD`). */
  unitClosures(unitHsaId: string, fromDate: string): Promise<readonly UnitClosureRow[]>;
  /** The days of the unit's latest closures, newest end first. */
  unitClosureSpans(unitHsaId: string): Promise<ReadonlyArray<Pick<UnitClosureRow, 'starts_on' | 'ends_on'>>>;
  unitContactCard(unitHsaId: string): Promise<UnitContactCardRow | undefined>;
  unitReplyTimes(unitHsaId: string): Promise<readonly UnitReplyTimeRow[]>;
  formVersion(id: string): Promise<FormVersionRow | undefined>;
  careUnits(hsaIds: readonly string[]): Promise<readonly CareUnitRow[]>;
  unitSetting(unitHsaId: string): Promise<UnitSettingRow | undefined>;
}>;

/** Straight from the database, as tools, jobs and admin changes must read. */
export function referenceReads(db: Kysely<DatabaseSchema>): ReferenceReads {
  return {
    unitErrandType: (unit, type) => findUnitErrandType(db, unit, type),
    regionPolicyOfUnit: (unit, type) => findRegionPolicyOfUnit(db, unit, type),
    unitClosures: (unit, fromDate) => listUnitClosures(db, unit, fromDate),
    unitClosureSpans: (unit) => listUnitClosureSpans(db, unit),
    unitContactCard: (unit) => findUnitContactCard(db, unit),
    unitReplyTimes: (unit) => listUnitReplyTimes(db, unit),
    formVersion: (id) => findFormVersion(db, id),
    careUnits: (hsaIds) => findCareUnits(db, hsaIds),
    unitSetting: (unit) => findUnitSetting(db, unit),
  };
}

/**
 * Through this process's cache (storage/reference-cache.ts), for requests that looked up a session
 * first. `db` may be the request's transaction, but never one that changes reference data: what it
 * reads before committing would be kept.
 */
export function cachedReferenceReads(database: Database, db: Kysely<DatabaseSchema> = database.db): ReferenceReads {
  const direct = referenceReads(db);
  const cache = database.referenceCache;
  return {
    unitErrandType: (unit, type) => cache.read(`unit-type ${unit} ${type}`, () => direct.unitErrandType(unit, type)),
    regionPolicyOfUnit: (unit, type) =>
      cache.read(`region-policy ${unit} ${type}`, () => direct.regionPolicyOfUnit(unit, type)),
    unitClosures: (unit, fromDate) =>
      cache.read(`closures ${unit} ${fromDate}`, () => direct.unitClosures(unit, fromDate)),
    unitClosureSpans: (unit) => cache.read(`closure-spans ${unit}`, () => direct.unitClosureSpans(unit)),
    unitContactCard: (unit) => cache.read(`contact-card ${unit}`, () => direct.unitContactCard(unit)),
    unitReplyTimes: (unit) => cache.read(`reply-times ${unit}`, () => direct.unitReplyTimes(unit)),
    formVersion: (id) => cache.read(`form ${id}`, () => direct.formVersion(id)),
    careUnits: (hsaIds) =>
      hsaIds.length === 0
        ? Promise.resolve([])
        : cache.read(`units ${hsaIds.join(' ')}`, () => direct.careUnits(hsaIds)),
    unitSetting: (unit) => cache.read(`unit-setting ${unit}`, () => direct.unitSetting(unit)),
  };
}
