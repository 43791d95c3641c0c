import { enqueueOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import {
  listUnitsWithReplyTimes,
  listUnnoticedWaitingErrands,
  markOverdueNoticed,
} from '../storage/repositories/unit-digest.repository.ts';
import { deadlinesAt } from '../use-cases/errands/reply-deadlines.ts';
import { referenceReads } from '../use-cases/reference-reads.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * When errands pass their reply deadline (the unit's reply time in its opening hours), the unit's
 * receivers hear of it once, through the functional mailbox, without a word of content: one
 * e-mail per unit and run, however many errands. Each unit's e-mail and its errands' marks commit
 * together, so a run killed half-way neither repeats nor loses a notice.
 */
export function overdueErrandsJob(): ScheduledJob {
  return {
    name: 'overdue-errands',
    schedule: '*/15 * * * *',
    async run({ database, now, checkpoint }) {
      const at = now.getTime();
      let noticed = 0;
      for (const unit of await listUnitsWithReplyTimes(database.db)) {
        await checkpoint('unit');
        const recipient = unit.notification_email;
        if (!recipient) continue;
        await database.db.transaction().execute(async (trx) => {
          const deadlineOf = await deadlinesAt(referenceReads(trx), [unit.unit_hsa_id]);
          const overdue = (await listUnnoticedWaitingErrands(trx, unit.unit_hsa_id)).filter((errand) => {
            const deadline = deadlineOf(errand);
            return deadline !== null && deadline <= at;
          });
          if (overdue.length === 0) return;
          await enqueueOutboxMessage(
            trx,
            {
              channel: 'email',
              template: 'errands-overdue',
              recipient,
              language: 'sv',
              citizen_id: null,
              errand_id: null,
            },
            at,
          );
          await markOverdueNoticed(trx, overdue);
          noticed += overdue.length;
        });
      }
      return { counts: { noticed } };
    },
  };
}
