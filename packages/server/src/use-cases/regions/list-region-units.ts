import type { RegionUnitList } from '@kontakta/contract';
import { baseErrandTypes, findBaseErrandType, type StaffActor } from '@kontakta/domain';
import {
  findRegionName,
  lastUnitChangesOfRegion,
  listRegionPolicies,
  listRegionUnitErrandTypes,
  listRegionUnits,
} from '../../storage/repositories/region-administration.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { regionOf } from './region-administration.ts';
import { frameOf } from './region-frame.ts';

const NATIONAL_ORDER = new Map<string, number>(baseErrandTypes.map((type, index) => [type.id, index]));

/**
 * The region's units at a glance, by name: what each offers citizens now (the region's frame
 * applied), what it has switched on that the region holds back, its own types and main settings.
 * A handful of queries for the whole region, never one per unit.
 */
export async function listRegionUnitsForAdministration(ctx: UseCaseContext<StaffActor>): Promise<RegionUnitList> {
  const regionCode = regionOf(ctx.actor);
  const { db } = ctx.database;
  const name = await findRegionName(db, regionCode);
  if (name === undefined) throw new AppError('not-found');
  const [units, types, policies, lastChanges] = await Promise.all([
    listRegionUnits(db, regionCode),
    listRegionUnitErrandTypes(db, regionCode),
    listRegionPolicies(db, regionCode),
    lastUnitChangesOfRegion(db, regionCode),
  ]);
  const frame = new Map(policies.map((row) => [row.errand_type, frameOf(row)]));
  const lastChanged = new Map(lastChanges.map((row) => [row.unit_hsa_id, row.last_at]));
  const typesByUnit = new Map<string, typeof types>();
  for (const row of types) {
    if (row.enabled !== 1 || row.retired_at !== null || row.current_version_id === null) continue;
    typesByUnit.set(row.unit_hsa_id, [...(typesByUnit.get(row.unit_hsa_id) ?? []), row]);
  }
  return {
    region: { code: regionCode, name },
    items: units.map((unit) => {
      const enabled = typesByUnit.get(unit.hsa_id) ?? [];
      const base = enabled
        .filter((row) => findBaseErrandType(row.errand_type))
        .sort((a, b) => (NATIONAL_ORDER.get(a.errand_type) ?? 0) - (NATIONAL_ORDER.get(b.errand_type) ?? 0));
      const allowed = (id: string) => frame.get(id)?.allowed ?? true;
      return {
        hsaId: unit.hsa_id,
        name: unit.name,
        municipality: unit.municipality_name,
        kind: unit.kind,
        offered: base
          .filter((row) => allowed(row.errand_type))
          .map((row) => ({
            id: row.errand_type,
            name: findBaseErrandType(row.errand_type)?.name ?? { sv: row.errand_type, en: row.errand_type },
          })),
        blockedByRegion: base.filter((row) => !allowed(row.errand_type)).map((row) => row.errand_type),
        customTypes: enabled.length - base.length,
        hasNotificationEmail: unit.notification_email !== null,
        mailboxNotifications: unit.mailbox_notifications,
        staffNames: unit.staff_names,
        lastChangedAt: lastChanged.get(unit.hsa_id) ?? null,
      };
    }),
  };
}
