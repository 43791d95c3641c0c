import { randomUUID } from 'node:crypto';
import type { CitizenActor } from '@kontakta/domain';
import { sealText } from '../../encryption/envelope.ts';
import { insertErrandMessage, nextPositions } from '../../storage/repositories/errand.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { dataKeyOf } from './errand-record.ts';
import { transitionErrand } from './transition-errand.ts';

/** Step 9: where the answer allows it, the citizen replies in the thread; it goes back to the unit. */
export async function replyToErrand(
  ctx: UseCaseContext<CitizenActor>,
  errandId: string,
  message: string,
): Promise<void> {
  await transitionErrand(
    ctx,
    errandId,
    { type: 'citizen-reply' },
    {
      extra: () => ({ waiting_since: ctx.now }),
      alsoWrite: async (trx, row) => {
        const messageId = randomUUID();
        const positions = await nextPositions(trx, row.id);
        await insertErrandMessage(trx, {
          id: messageId,
          errand_id: row.id,
          position: positions.message,
          kind: 'citizen-reply',
          author_kind: 'citizen',
          author_id: ctx.actor.citizenId,
          form_version_id: null,
          content: sealText(
            dataKeyOf(ctx, row),
            JSON.stringify({ answers: { message: message.trim() } }),
            `${row.id}:${messageId}`,
          ),
          created_at: ctx.now,
        });
      },
    },
  );
}
