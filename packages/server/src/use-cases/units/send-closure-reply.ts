import { closedOnClosures, replyDeadline, stockholmDate, type UnitClosure } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { findCareUnits } from '../../storage/repositories/unit.repository.ts';
import { findUnitContactCard, listUnitReplyTimes } from '../../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { errandTypeName } from '../errands/errand-names.ts';
import { openingIntervals } from '../errands/reply-deadlines.ts';
import { sendInboxMessage } from '../inbox-messages/send-inbox-message.ts';
import { referenceReads } from '../reference-reads.ts';
import { closuresFrom, expectedAnswerOn } from './unit-closure-facts.ts';

/**
 * The automatic reply to an errand sent while its unit is closed (issue 18, beyond 1177), in the
 * transaction of the errand: an inbox message naming when to expect an answer, and the cover unit
 * when the errand went there. The citizen is notified without content, as for every inbox message.
 * Without a cover unit the answer comes on the unit's first working day after the closure; with
 * one, within the cover unit's reply time for the type (one working day when it has not said).
 */
export async function sendClosureReply(
  db: Kysely<DatabaseSchema>,
  input: Readonly<{
    closure: UnitClosure & Readonly<{ row: { unit_hsa_id: string } }>;
    closures: readonly UnitClosure[];
    citizenId: string;
    errandType: string;
    now: number;
  }>,
): Promise<void> {
  const { closure, errandType, now } = input;
  const unitHsaId = closure.row.unit_hsa_id;
  const cover = closure.coverUnitHsaId;
  const units = new Map((await findCareUnits(db, cover ? [unitHsaId, cover] : [unitHsaId])).map((u) => [u.hsa_id, u]));
  const typeName = await errandTypeName(referenceReads(db), unitHsaId, errandType);
  const expected = cover
    ? await coverAnswerDate(db, cover, errandType, now)
    : await expectedAnswerOn(db, unitHsaId, closure, input.closures);
  await sendInboxMessage(db, {
    citizenId: input.citizenId,
    template: cover ? 'unit-closed-cover-reply' : 'unit-closed-reply',
    unitHsaId: cover ?? unitHsaId,
    values: {
      ...(expected ? { endDate: expected } : {}),
      errandTypeName: typeName,
      unitName: units.get(unitHsaId)?.name ?? unitHsaId,
      ...(cover ? { coverUnitName: units.get(cover)?.name ?? cover } : {}),
    },
    now,
  });
}

async function coverAnswerDate(
  db: Kysely<DatabaseSchema>,
  coverHsaId: string,
  errandType: string,
  now: number,
): Promise<string | null> {
  const [card, times, { closures }] = await Promise.all([
    findUnitContactCard(db, coverHsaId),
    listUnitReplyTimes(db, coverHsaId),
    closuresFrom(referenceReads(db), coverHsaId, now),
  ]);
  const time = times.find((each) => each.errand_type === errandType);
  const target = time ? { amount: time.amount, unit: time.unit } : { amount: 1, unit: 'working-days' as const };
  const closedOn = closedOnClosures(closures);
  const due = replyDeadline(now, target, openingIntervals(card?.opening_hours), closedOn);
  return due === null ? null : stockholmDate(new Date(due));
}
