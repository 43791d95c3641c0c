import type { RegionOffering } from '@kontakta/contract';
import { baseErrandTypes, type StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  findRegionName,
  listRegionPolicies,
  listRegionUnitErrandTypes,
} from '../../storage/repositories/region-administration.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { regionOf } from './region-administration.ts';
import { frameOf } from './region-frame.ts';

/** The region's base offering: every national errand type in the national order, with its frame. */
export async function showRegionOffering(ctx: UseCaseContext<StaffActor>): Promise<RegionOffering> {
  const regionCode = regionOf(ctx.actor);
  return presentRegionOffering(ctx.database.db, regionCode);
}

export async function presentRegionOffering(db: Kysely<DatabaseSchema>, regionCode: string): Promise<RegionOffering> {
  const name = await findRegionName(db, regionCode);
  if (name === undefined) throw new AppError('not-found');
  const [policies, unitTypes] = await Promise.all([
    listRegionPolicies(db, regionCode),
    listRegionUnitErrandTypes(db, regionCode),
  ]);
  const byType = new Map(policies.map((row) => [row.errand_type, row]));
  const enabledCount = new Map<string, number>();
  for (const row of unitTypes) {
    if (row.enabled === 1 && row.retired_at === null) {
      enabledCount.set(row.errand_type, (enabledCount.get(row.errand_type) ?? 0) + 1);
    }
  }
  return {
    region: { code: regionCode, name },
    items: baseErrandTypes.map((type) => {
      const row = byType.get(type.id);
      return {
        errandType: type.id,
        name: type.name,
        description: type.description,
        ...frameOf(row),
        unitsEnabled: enabledCount.get(type.id) ?? 0,
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
      };
    }),
  };
}
