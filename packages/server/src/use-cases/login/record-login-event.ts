import { insertLoginEvent, type NewLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import type { Services } from '../services.ts';
import { countsAsLogin, recordLogin } from '../statistics/record-statistics.ts';

/**
 * Every login attempt's row, counted in the operator's metrics as it is written; a citizen's
 * successful login is also counted in the statistics, in the same transaction as its row.
 */
export async function recordLoginEvent(services: Services, event: NewLoginEvent): Promise<void> {
  const { db } = services.database;
  if (countsAsLogin(event)) {
    await db.transaction().execute(async (trx) => {
      await insertLoginEvent(trx, event);
      await recordLogin(trx, event);
    });
  } else {
    await insertLoginEvent(db, event);
  }
  services.telemetry?.loginAttempted({ audience: event.audience, method: event.method, result: event.result });
}
