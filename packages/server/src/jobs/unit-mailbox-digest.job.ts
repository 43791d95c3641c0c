import { enqueueOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import { countUnitNews, listDigestUnits, markDigestSent } from '../storage/repositories/unit-digest.repository.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

const DAY = 86_400_000;

/**
 * Units that chose a daily digest get one content-free e-mail in the morning when errands or
 * citizens' replies have arrived since the last one (nothing when nothing came). Each unit's
 * e-mail and its new starting point commit together, so a run killed half-way sends the rest next
 * time and never the same digest twice.
 */
export function unitMailboxDigestJob(): ScheduledJob {
  return {
    name: 'unit-mailbox-digest',
    schedule: '0 7 * * *',
    async run({ database, now, checkpoint }) {
      const until = now.getTime();
      let sent = 0;
      for (const unit of await listDigestUnits(database.db)) {
        await checkpoint('unit');
        const since = unit.last_digest_at ?? until - DAY;
        if (since >= until || !unit.notification_email) continue;
        const recipient = unit.notification_email;
        await database.db.transaction().execute(async (trx) => {
          if ((await countUnitNews(trx, unit.unit_hsa_id, since, until)) > 0) {
            await enqueueOutboxMessage(
              trx,
              {
                channel: 'email',
                template: 'unit-daily-digest',
                recipient,
                language: 'sv',
                citizen_id: null,
                errand_id: null,
              },
              until,
            );
            sent += 1;
          }
          await markDigestSent(trx, unit.unit_hsa_id, until);
        });
      }
      return { counts: { sent } };
    },
  };
}
