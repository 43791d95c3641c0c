import type { Language } from '@kontakta/domain';
import { type FormDefinition, type StaffActor, stockholmDate, validateAnswers } from '@kontakta/domain';
import { findFormVersion, findUnitErrandType } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { IdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import { effectiveUnitTypeFlags } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { recordFirstAnswer } from '../statistics/record-statistics.ts';
import { answerFieldErrors, appendMessage } from './errand-record.ts';
import { notifyCitizen } from './notify-citizen.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * Steps 6–8: the assigned caregiver answers on the answer form of the errand's type (the version
 * the errand was sent with). The answer is sealed under the errand's key and the citizen is
 * notified, in one transaction.
 */
export async function answerErrand(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  answers: unknown,
  language: Language,
  idempotency?: IdempotentResponse<void>,
): Promise<void> {
  let checkedAnswers: unknown;
  await transitionErrand(
    ctx,
    errandId,
    async (row, trx) => {
      const version = await findFormVersion(trx, row.form_version_id);
      if (!version) throw new AppError('internal-error', 'form version missing');
      const checked = validateAnswers(JSON.parse(version.answer_definition) as FormDefinition, answers, {
        today: stockholmDate(new Date(ctx.now)),
      });
      if (!checked.ok) {
        throw new AppError('validation-failed', undefined, answerFieldErrors(checked.errors, language));
      }
      checkedAnswers = checked.value;
      // The caregiver may offer a reply only where the unit allows replies for this type (until the
      // unit has set the type itself, its region's default says).
      const offered = await findUnitErrandType(trx, row.unit_hsa_id, row.errand_type);
      return {
        type: 'answer',
        replyAllowed:
          checked.value.citizenMayReply === true &&
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
          form_version_id: row.form_version_id,
          answers: checkedAnswers,
        });
        await notifyCitizen(trx, row.citizen_id, row.id, 'errand-answered', ctx.now);
        await recordFirstAnswer(trx, row, ctx.now);
      },
    },
  );
}
