import type { CitizenActor } from '@kontakta/domain';
import type { IdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { appendMessage } from './errand-record.ts';
import { notifyUnitMailbox } from './notify-unit.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * Step 9: where the answer allows it, the citizen replies in the thread; it goes back to the unit,
 * marked in its lists until answered, and the unit's mailbox hears of it (content-free).
 */
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
      alsoWrite: async (trx, row) => {
        await appendMessage(ctx, trx, row, {
          kind: 'citizen-reply',
          author_kind: 'citizen',
          author_id: ctx.actor.citizenId,
          form_version_id: null,
          answers: { message: message.trim() },
        });
        const setting = await cachedReferenceReads(ctx.database, trx).unitSetting(row.unit_hsa_id);
        await notifyUnitMailbox(trx, setting, row.id, 'errand-reply-received', ctx.now);
      },
    },
  );
}
