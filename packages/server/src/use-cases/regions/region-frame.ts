import type { ReplyTime } from '@kontakta/contract';
import type { Kysely } from 'kysely';
import {
  findRegionPolicyOfUnit,
  listRegionPoliciesOfUnit,
  type RegionErrandTypePolicyRow,
} from '../../storage/repositories/region-administration.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

// The frame a region sets its units (its base offering), as the unit-level use cases read it. A
// type the region has not set is allowed with the national defaults, so a region that has never
// opened its pages changes nothing. Unit settings are never rewritten by the region: a type the
// region disallows is filtered out where it is read (contact card, form, sending, the unit list).

export type RegionTypeFrame = Readonly<{
  allowed: boolean;
  openToProxies: boolean;
  citizenMayReply: boolean;
  replyTime: ReplyTime | null;
}>;

export const NATIONAL_FRAME: RegionTypeFrame = {
  allowed: true,
  openToProxies: true,
  citizenMayReply: true,
  replyTime: null,
};

export function frameOf(row: RegionErrandTypePolicyRow | undefined): RegionTypeFrame {
  if (!row) return NATIONAL_FRAME;
  return {
    allowed: row.allowed === 1,
    openToProxies: row.open_to_proxies === 1,
    citizenMayReply: row.citizen_may_reply === 1,
    replyTime:
      row.reply_amount !== null && row.reply_unit !== null ? { amount: row.reply_amount, unit: row.reply_unit } : null,
  };
}

/** The frame for every type of the unit's region, by errand type (types the region never set: national). */
export async function regionFrameOfUnit(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<(errandType: string) => RegionTypeFrame> {
  const rows = new Map((await listRegionPoliciesOfUnit(db, unitHsaId)).map((row) => [row.errand_type, row]));
  return (errandType) => frameOf(rows.get(errandType));
}

/** Whether the unit's region lets its units offer the type (custom types are the unit's own: always). */
export async function regionAllowsType(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<boolean> {
  return frameOf(await findRegionPolicyOfUnit(db, unitHsaId, errandType)).allowed;
}

type UnitTypeFlagsRow = Readonly<{
  errand_type: string;
  unit_hsa_id: string;
  open_to_proxies: 0 | 1;
  citizen_may_reply: 0 | 1;
  updated_by: string | null;
}>;

/**
 * Whether proxies may use the type and citizens may reply, at a unit: the unit's own choice once
 * an administrator has set the type, and until then (set up by the system) also the region's
 * default. A default only ever closes: what the stored row closes stays closed.
 */
export function unitTypeFlags(
  row: UnitTypeFlagsRow,
  frame: RegionTypeFrame,
): { openToProxies: boolean; citizenMayReply: boolean } {
  const own = { openToProxies: row.open_to_proxies === 1, citizenMayReply: row.citizen_may_reply === 1 };
  if (row.updated_by !== null) return own;
  return {
    openToProxies: own.openToProxies && frame.openToProxies,
    citizenMayReply: own.citizenMayReply && frame.citizenMayReply,
  };
}

/** `unitTypeFlags`, reading the region's frame only when the unit has not set the type itself. */
export async function effectiveUnitTypeFlags(
  db: Kysely<DatabaseSchema>,
  row: UnitTypeFlagsRow,
): Promise<{ openToProxies: boolean; citizenMayReply: boolean }> {
  const frame =
    row.updated_by === null
      ? frameOf(await findRegionPolicyOfUnit(db, row.unit_hsa_id, row.errand_type))
      : NATIONAL_FRAME;
  return unitTypeFlags(row, frame);
}
