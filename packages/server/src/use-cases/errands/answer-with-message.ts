import type { Language, StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import { findUnitErrandType } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { IdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import { effectiveUnitTypeFlags } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { recordFirstAnswer } from '../statistics/record-statistics.ts';
import { appendMessage } from './errand-record.ts';
import { notifyCitizen } from './notify-citizen.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * The assigned caregiver answers with a message only, typically a citizen's reply: the structured
 * answer (per medicine, per aid) stands as given and is not asked again. The state machine allows
 * it only once the errand has had a structured answer. Sealed, notified and access-logged as an
 * answer, in one transaction.
 */
export async function answerWithMessage(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  input: { message: string; citizenMayReply: boolean; language: Language },
  idempotency?: IdempotentResponse<void>,
): Promise<void> {
  // Only blanks say nothing to the citizen.
  if (!input.message.trim()) {
    throw new AppError('validation-failed', undefined, [
      { path: 'body.message', code: 'required', message: serverTexts(input.language)('field.errand.message-required') },
    ]);
  }
  await transitionErrand(
    ctx,
    errandId,
    async (row, trx) => {
      // The caregiver may offer a reply only where the unit allows replies for this type (until the
      // unit has set the type itself, its region's default says).
      const offered = await findUnitErrandType(trx, row.unit_hsa_id, row.errand_type);
      return {
        type: 'answer',
        messageOnly: true,
        replyAllowed:
          input.citizenMayReply &&
          offered !== undefined &&
          (await effectiveUnitTypeFlags(trx, offered)).citizenMayReply,
      };
    },
    {
      role: 'caregiver',
      accessAction: 'answer',
      idempotency,
      extra: (row) => ({ has_answer: 1, waiting_since: null, first_answered_at: row.first_answered_at ?? ctx.now }),
      alsoWrite: async (trx, row) => {
        await appendMessage(ctx, trx, row, {
          kind: 'answer',
          author_kind: 'staff',
          author_id: ctx.actor.hsaId,
          form_version_id: null,
          answers: { message: input.message.trim() },
        });
        await notifyCitizen(trx, row.citizen_id, row.id, 'errand-answered', ctx.now);
        await recordFirstAnswer(trx, row, ctx.now);
      },
    },
  );
}
