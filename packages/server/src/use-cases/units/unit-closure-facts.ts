import type { ContactCardClosure } from '@kontakta/contract';
import {
  activeClosure,
  currentOrNextClosure,
  expectedAnswerDate,
  stockholmDate,
  type UnitClosure,
} from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import type { UnitClosureRow } from '../../storage/repositories/unit-closure.repository.ts';
import { findUnitContactCard } from '../../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { openingIntervals } from '../errands/reply-deadlines.ts';
import { type ReferenceReads, referenceReads } from '../reference-reads.ts';

// A unit's scheduled closures as the citizen side meets them (issue 18, beyond 1177): the contact
// card names the closure, sending refuses the types the unit does not keep open, and errands sent
// during a closure with a cover unit go there.

export type ClosureWithRow = UnitClosure & Readonly<{ row: UnitClosureRow }>;

export function closureOf(row: UnitClosureRow): ClosureWithRow {
  return {
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    keepsOpen: JSON.parse(row.keeps_open) as string[],
    coverUnitHsaId: row.cover_unit_hsa_id,
    row,
  };
}

/** The unit's closures that have not ended on the Swedish date of `now`, and that date. */
export async function closuresFrom(
  reads: Pick<ReferenceReads, 'unitClosures'>,
  unitHsaId: string,
  now: number,
): Promise<{ today: string; closures: ClosureWithRow[] }> {
  const today = stockholmDate(new Date(now));
  return { today, closures: (await reads.unitClosures(unitHsaId, today)).map(closureOf) };
}

/** The closure going on at `now`, if any. */
export async function closureAt(
  reads: Pick<ReferenceReads, 'unitClosures'>,
  unitHsaId: string,
  now: number,
): Promise<{ closure: ClosureWithRow | undefined; closures: ClosureWithRow[] }> {
  const { today, closures } = await closuresFrom(reads, unitHsaId, now);
  return { closure: activeClosure(closures, today), closures };
}

/** Refuses an errand type the unit does not keep open during its closure (403, named reason). */
export function assertOpenDuring(closure: UnitClosure | undefined, errandType: string): void {
  if (closure && !closure.keepsOpen.includes(errandType)) throw new AppError('forbidden', 'unit-closed');
}

/** When to expect an answer to what is sent during the closure: the first working day after it. */
export async function expectedAnswerOn(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  closure: UnitClosure,
  closures: readonly UnitClosure[],
): Promise<string | null> {
  const card = await findUnitContactCard(db, unitHsaId);
  return expectedAnswerDate(closure, closures, openingIntervals(card?.opening_hours)) ?? null;
}

/** The closure the contact card names: the one going on, else the next one; null when none. */
export async function contactCardClosure(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  now: number,
): Promise<ContactCardClosure | null> {
  const { today, closures } = await closuresFrom(referenceReads(db), unitHsaId, now);
  const closure = currentOrNextClosure(closures, today);
  if (!closure) return null;
  const cover = closure.coverUnitHsaId ? await findCareUnit(db, closure.coverUnitHsaId) : undefined;
  return {
    startsOn: closure.startsOn,
    endsOn: closure.endsOn,
    active: closure.startsOn <= today,
    keepsOpen: [...closure.keepsOpen],
    message: closure.row.message_sv ? { sv: closure.row.message_sv, en: closure.row.message_en } : null,
    coverUnit: cover ? { hsaId: cover.hsa_id, name: cover.name } : null,
    expectAnswerOn: await expectedAnswerOn(db, unitHsaId, closure, closures),
  };
}
