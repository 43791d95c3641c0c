import type { Readiness } from '@kontakta/contract';
import type { Database } from '../storage/database.ts';
import { pingDatabase } from '../storage/ping.ts';

/** Ready means able to serve: the database answers. */
export async function checkReadiness(database: Database): Promise<Readiness> {
  const reachable = await pingDatabase(database);
  return { status: reachable ? 'ready' : 'unavailable', database: database.dialect };
}
