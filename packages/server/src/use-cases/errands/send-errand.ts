import { randomBytes } from 'node:crypto';
import type { Language } from '@kontakta/domain';
import {
  type CitizenActor,
  citizenActedFor,
  errandExpiresAt,
  type FormDefinition,
  initialErrandState,
  sentEvent,
  stockholmDate,
  validateAnswers,
} from '@kontakta/domain';
import { sealText } from '../../encryption/envelope.ts';
import { serverTexts } from '../../i18n/server-texts.ts';
import { insertErrand, insertErrandEvents, insertErrandMessage } from '../../storage/repositories/errand.repository.ts';
import { newRowId } from '../../storage/row-id.ts';
import { AppError } from '../app-error.ts';
import { type IdempotentResponse, recordIdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import { frameOf, unitTypeFlags } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { recordErrandSent } from '../statistics/record-statistics.ts';
import { sendClosureReply } from '../units/send-closure-reply.ts';
import { assertOpenDuring, closureAt } from '../units/unit-closure-facts.ts';
import { wrapErrandKey } from './errand-keys.ts';
import { actorRef, answerFieldErrors, countErrandEvents } from './errand-record.ts';
import { notifyUnitMailbox } from './notify-unit.ts';

export type SendErrandInput = {
  unitHsaId: string;
  errandType: string;
  /** The form version the citizen opened; answers are checked against exactly that one. */
  formVersionId: string;
  answers: unknown;
  language: Language;
};

/**
 * Step 2 of the flow: the citizen sends an errand. In one transaction: the errand with its own
 * data key, the answers sealed under it, the `sent` event, the unit's notification, and the
 * request's `Idempotency-Key` with the response to repeat when one was given.
 */
export async function sendErrand(
  ctx: UseCaseContext<CitizenActor>,
  input: SendErrandInput,
  idempotency?: IdempotentResponse<{ id: string }>,
): Promise<{ id: string }> {
  // The unit's offering, its region's frame, closures and forms change seldom: read through the cache.
  const reads = cachedReferenceReads(ctx.database);
  const offered = await reads.unitErrandType(input.unitHsaId, input.errandType);
  if (offered?.enabled !== 1 || offered.retired_at !== null) throw new AppError('not-found');
  // A type the unit's region no longer allows is not offered, whatever the unit has set.
  const frame = frameOf(await reads.regionPolicyOfUnit(input.unitHsaId, input.errandType));
  if (!frame.allowed) throw new AppError('not-found');
  if (ctx.actor.actingForCitizenId && !unitTypeFlags(offered, frame).openToProxies)
    throw new AppError('forbidden', 'closed-to-proxies');
  // A scheduled closure (issue 18): only the types the unit keeps open, and to its cover unit if it named one.
  const { closure, closures } = await closureAt(reads, input.unitHsaId, ctx.now);
  assertOpenDuring(closure, input.errandType);
  const receivingUnit = closure?.coverUnitHsaId ?? input.unitHsaId;
  const receivingSetting = await reads.unitSetting(receivingUnit);
  const version = await reads.formVersion(input.formVersionId);
  if (!version || version.unit_hsa_id !== input.unitHsaId || version.errand_type !== input.errandType) {
    throw new AppError('validation-failed', undefined, [
      {
        path: 'body.formVersionId',
        code: 'unknown-form-version',
        message: serverTexts(input.language)('field.send.form-changed'),
      },
    ]);
  }

  const definition = JSON.parse(version.definition) as FormDefinition;
  const checked = validateAnswers(definition, input.answers, { today: stockholmDate(new Date(ctx.now)) });
  if (!checked.ok) {
    throw new AppError('validation-failed', undefined, answerFieldErrors(checked.errors, input.language));
  }

  const id = newRowId();
  const messageId = newRowId();
  const key = randomBytes(32);
  const expiresAt = errandExpiresAt(ctx.now, ctx.config.retention);
  const citizenId = citizenActedFor(ctx.actor);
  const sealed = sealText(key, JSON.stringify({ answers: checked.value }), `${id}:${messageId}`);

  const event = sentEvent(actorRef(ctx.actor), ctx.now);
  // Sends arriving together share one COMMIT on SQLite, each in a savepoint of its own.
  await ctx.database.sharedCommit(async (trx) => {
    const state = initialErrandState();
    await insertErrand(trx, {
      id,
      citizen_id: citizenId,
      sent_by_citizen_id: ctx.actor.citizenId,
      unit_hsa_id: receivingUnit,
      errand_type: input.errandType,
      form_version_id: version.id,
      status: state.status,
      assigned_to: null,
      answered_by: '[]',
      reply_allowed: 0,
      unread_by_citizen: 0,
      archived_by_citizen: 0,
      has_answer: 0,
      ...wrapErrandKey(ctx, key, expiresAt),
      expires_at: expiresAt,
      retention_notice_for: null,
      created_at: ctx.now,
      first_answered_at: null,
      waiting_since: ctx.now,
      last_event_at: ctx.now,
      version: 1,
    });
    await insertErrandMessage(trx, {
      id: messageId,
      errand_id: id,
      position: 1,
      kind: 'submission',
      author_kind: 'citizen',
      author_id: ctx.actor.citizenId,
      form_version_id: version.id,
      content: sealed,
      created_at: ctx.now,
    });
    await insertErrandEvents(trx, [
      {
        id: newRowId(),
        errand_id: id,
        position: 1,
        type: event.type,
        actor_kind: 'citizen',
        actor_id: citizenId,
        actor_role: null,
        on_behalf_of: ctx.actor.actingForCitizenId ? ctx.actor.citizenId : null,
        assignee: null,
        at: ctx.now,
      },
      // Both units recorded: the errand is the cover unit's now, the event names the closed one.
      ...(receivingUnit !== input.unitHsaId
        ? [
            {
              id: newRowId(),
              errand_id: id,
              position: 2,
              type: 'moved-to-cover-unit',
              actor_kind: 'citizen' as const,
              actor_id: citizenId,
              actor_role: null,
              on_behalf_of: ctx.actor.actingForCitizenId ? ctx.actor.citizenId : null,
              assignee: input.unitHsaId,
              at: ctx.now,
            },
          ]
        : []),
    ]);
    await recordErrandSent(trx, { unitHsaId: receivingUnit, errandType: input.errandType, at: ctx.now });
    await notifyUnitMailbox(trx, receivingSetting, id, 'errand-received', ctx.now);
    if (closure) {
      await sendClosureReply(trx, { closure, closures, citizenId, errandType: input.errandType, now: ctx.now });
    }
    await recordIdempotentResponse(trx, idempotency, { id });
  });
  countErrandEvents(ctx, input.errandType, [event]);
  return { id };
}
