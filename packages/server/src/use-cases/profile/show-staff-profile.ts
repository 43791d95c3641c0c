import type { StaffProfile } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import type { UseCaseContext } from '../services.ts';

/** Who is logged in to the staff tool, at which unit and in which roles (from the catalogue at login). */
export async function showStaffProfile(ctx: UseCaseContext<StaffActor>): Promise<StaffProfile> {
  const { db } = ctx.database;
  const [name] = await findStaffNames(db, [ctx.actor.hsaId]);
  const unit = ctx.actor.unitHsaId ? await findCareUnit(db, ctx.actor.unitHsaId) : undefined;
  return {
    hsaId: ctx.actor.hsaId,
    givenName: name?.given_name ?? '',
    familyName: name?.family_name ?? '',
    profession: name?.profession ?? '',
    unit: unit ? { hsaId: unit.hsa_id, name: unit.name } : null,
    roles: [...ctx.actor.roles],
  };
}
