import { closeNeedsMessage, type Language, type StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { appendMessage, stateOf } from './errand-record.ts';
import { notifyCitizen } from './notify-citizen.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * Staff close an errand; it moves to the citizen's archive. An errand nobody has answered is
 * closed with a message to the citizen, which joins the thread like an answer (sealed under the
 * errand's key, without a form) and is notified like one, in the same transaction.
 */
export async function closeErrand(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  input: { message?: string | undefined; language: Language } = { language: 'sv' },
): Promise<void> {
  const role = ctx.actor.roles.includes('receiver') ? 'receiver' : 'caregiver';
  // Only blanks say nothing to the citizen.
  const message = input.message?.trim() ? input.message : undefined;
  await transitionErrand(
    ctx,
    errandId,
    async (row) => {
      if (!message && closeNeedsMessage(stateOf(row))) {
        throw new AppError('validation-failed', undefined, [
          {
            path: 'body.message',
            code: 'required',
            message: serverTexts(input.language)('field.errand.close-message-required'),
          },
        ]);
      }
      return { type: 'close', message: message !== undefined };
    },
    {
      role,
      accessAction: 'close',
      extra: () => ({ waiting_since: null, ...(message ? { has_answer: 1 as const } : {}) }),
      alsoWrite: async (trx, row) => {
        if (!message) return;
        await appendMessage(ctx, trx, row, {
          kind: 'answer',
          author_kind: 'staff',
          author_id: ctx.actor.hsaId,
          form_version_id: null,
          answers: { message },
        });
        await notifyCitizen(trx, row.citizen_id, row.id, 'errand-answered', ctx.now);
      },
    },
  );
}
