import type { CitizenActor } from '@kontakta/domain';
import type { IdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import type { UseCaseContext } from '../services.ts';
import { appendMessage } from './errand-record.ts';
import { transitionErrand } from './transition-errand.ts';

/** Step 9: where the answer allows it, the citizen replies in the thread; it goes back to the unit. */
export async function replyToErrand(
  ctx: UseCaseContext<CitizenActor>,
  errandId: string,
  message: string,
  idempotency?: IdempotentResponse<void>,
): Promise<void> {
  await transitionErrand(
    ctx,
    errandId,
    { type: 'citizen-reply' },
    {
      idempotency,
      extra: () => ({ waiting_since: ctx.now }),
      alsoWrite: (trx, row) =>
        appendMessage(ctx, trx, row, {
          kind: 'citizen-reply',
          author_kind: 'citizen',
          author_id: ctx.actor.citizenId,
          form_version_id: null,
          answers: { message: message.trim() },
        }),
    },
  );
}
