import { randomUUID } from 'node:crypto';
import { insertLoginEvent, type NewLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import type { Services } from '../services.ts';
import { countsAsLogin, recordLogin } from '../statistics/record-statistics.ts';

/**
 * Every login attempt's row, counted in the operator's metrics as it is written; a successful
 * login that the statistics count (a citizen's, or a member of staff's straight to a unit) is
 * counted in the same transaction as its row. Returns the row's id.
 */
export async function recordLoginEvent(
  services: Services,
  event: NewLoginEvent,
  id: string = randomUUID(),
): Promise<string> {
  const { db } = services.database;
  if (countsAsLogin(event)) {
    await db.transaction().execute(async (trx) => {
      await insertLoginEvent(trx, event, id);
      await recordLogin(trx, event);
    });
  } else {
    await insertLoginEvent(db, event, id);
  }
  services.telemetry?.loginAttempted({ audience: event.audience, method: event.method, result: event.result });
  return id;
}
