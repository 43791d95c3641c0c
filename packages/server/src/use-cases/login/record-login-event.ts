import { insertLoginEvent, type NewLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import type { Services } from '../services.ts';

/** Every login attempt's row for the statistics, counted in the operator's metrics as it is written. */
export async function recordLoginEvent(services: Services, event: NewLoginEvent): Promise<void> {
  await insertLoginEvent(services.database.db, event);
  services.telemetry?.loginAttempted({ audience: event.audience, method: event.method, result: event.result });
}
