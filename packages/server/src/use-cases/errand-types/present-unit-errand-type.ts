import type { AdminErrandType } from '@kontakta/contract';
import { type BaseErrandType, findBaseErrandType, parseBaseErrandTypeOptions } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { findUnitErrandType, type UnitErrandTypeRow } from '../../storage/repositories/errand-type.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { NATIONAL_FRAME, type RegionTypeFrame, unitTypeFlags } from '../regions/region-frame.ts';

// How a unit's errand types look to its administrator: every national base type (configured or
// not) and the unit's own custom types.

export const CUSTOM_TYPE_PREFIX = 'custom-';

export function isCustomErrandTypeId(id: string): boolean {
  return id.startsWith(CUSTOM_TYPE_PREFIX);
}

function defaultOptions(type: BaseErrandType): Record<string, unknown> {
  const parsed = parseBaseErrandTypeOptions(type, {});
  return parsed.ok ? (parsed.value as Record<string, unknown>) : {};
}

/** A base type the unit has never set up: off, with the region's defaults (else the national ones). */
export function presentUnconfiguredBaseType(
  type: BaseErrandType,
  frame: RegionTypeFrame = NATIONAL_FRAME,
): AdminErrandType {
  return {
    id: type.id,
    kind: 'base',
    name: type.name,
    description: type.description,
    enabled: false,
    retiredAt: null,
    options: defaultOptions(type),
    openToProxies: frame.openToProxies,
    citizenMayReply: frame.citizenMayReply,
    allowedByRegion: frame.allowed,
    currentVersion: null,
    updatedAt: null,
    updatedBy: null,
  };
}

export function presentUnitErrandType(
  row: UnitErrandTypeRow,
  currentVersion: number | null,
  frame: RegionTypeFrame = NATIONAL_FRAME,
): AdminErrandType {
  const base = findBaseErrandType(row.errand_type);
  return {
    id: row.errand_type,
    kind: base ? 'base' : 'custom',
    name: base?.name ?? { sv: row.name_sv ?? '', en: row.name_en ?? '' },
    description: base?.description ?? { sv: row.description_sv ?? '', en: row.description_en ?? '' },
    enabled: row.enabled === 1,
    retiredAt: row.retired_at,
    options: base ? (JSON.parse(row.options) as Record<string, unknown>) : {},
    // Until an administrator sets the type, the region's defaults hold.
    ...unitTypeFlags(row, base ? frame : NATIONAL_FRAME),
    // The region frames national types only; a unit's own types are its own.
    allowedByRegion: base ? frame.allowed : true,
    currentVersion,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export type AdministeredErrandType =
  | { kind: 'base'; type: BaseErrandType; row: UnitErrandTypeRow | undefined }
  | { kind: 'custom'; row: UnitErrandTypeRow };

/** A national base type (set up at the unit or not), or one of the unit's own custom types; else 404. */
export async function findAdministeredErrandType(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<AdministeredErrandType> {
  const base = findBaseErrandType(errandType);
  const row = await findUnitErrandType(db, unitHsaId, errandType);
  if (base) return { kind: 'base', type: base, row };
  if (!row || !isCustomErrandTypeId(errandType)) throw new AppError('not-found');
  return { kind: 'custom', row };
}

/** Custom types only: base types are turned off rather than retired, and their forms come from options. */
export async function findCustomErrandType(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<UnitErrandTypeRow> {
  const found = await findAdministeredErrandType(db, unitHsaId, errandType);
  if (found.kind !== 'custom') throw new AppError('not-found', 'not-a-custom-errand-type');
  return found.row;
}

/** A retired custom type is kept for the errands sent with it, and changes no more. */
export function assertNotRetired(row: UnitErrandTypeRow | undefined): void {
  if (row?.retired_at != null) throw new AppError('conflict', 'errand-type-retired');
}
