import type { UnitContactSettings } from '@kontakta/contract';
import { findBaseErrandType, type StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import { findUnitContactCard, listUnitReplyTimes } from '../../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import {
  catalogueAddress,
  openingDays,
  ownVisitingAddress,
  replyTimeOf,
  unitDescription,
} from './contact-card-view.ts';
import { assertUnitAdministrator } from './unit-administration.ts';

/** The contact card's settings for the unit's administrators: contact details and reply times. */
export async function showUnitContactSettings(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
): Promise<UnitContactSettings> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  return readUnitContactSettings(ctx.database.db, unitHsaId);
}

/** The settings as stored (also the answer after a change, read in its transaction). */
export async function readUnitContactSettings(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<UnitContactSettings> {
  const [unit, row, types, replyTimes] = await Promise.all([
    findCareUnit(db, unitHsaId),
    findUnitContactCard(db, unitHsaId),
    listUnitErrandTypes(db, unitHsaId),
    listUnitReplyTimes(db, unitHsaId),
  ]);
  if (!unit) throw new AppError('not-found');
  const replyByType = new Map(replyTimes.map((reply) => [reply.errand_type, reply]));
  return {
    phone: row?.phone ?? null,
    visitingAddress: ownVisitingAddress(row),
    catalogueAddress: catalogueAddress(unit),
    openingHours: { days: openingDays(row), note: row?.opening_hours_note ?? null },
    description: unitDescription(row),
    replyTimes: offeredTypes(types).map((type) => ({
      ...type,
      replyTime: replyTimeOf(replyByType.get(type.errandType)),
    })),
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

type TypeRow = Awaited<ReturnType<typeof listUnitErrandTypes>>[number];

/** The unit's errand types that are not retired, with their names, national ones first. */
export function offeredTypes(rows: readonly TypeRow[]) {
  return rows
    .filter((row) => row.retired_at === null)
    .flatMap((row) => {
      const base = findBaseErrandType(row.errand_type);
      const name = base?.name ?? (row.name_sv && row.name_en ? { sv: row.name_sv, en: row.name_en } : undefined);
      return name
        ? [{ errandType: row.errand_type, name, enabled: row.enabled === 1, national: base !== undefined }]
        : [];
    })
    .sort((a, b) => Number(b.national) - Number(a.national) || a.name.sv.localeCompare(b.name.sv, 'sv'))
    .map(({ national: _, ...type }) => type);
}
