import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import {
  findConnectedService,
  insertConnectedService,
  replaceServiceUnits,
  updateConnectedService,
} from '../storage/repositories/connected-service.repository.ts';
import { hashClientSecret } from '../use-cases/connected-services/service-administration.ts';

// The example service in the demo data: registered for every demo unit, approved for the
// citizen's name only (not the personnummer), so the hand-over can be tried and tested end to end.

export const DEV_SERVICE_ID = 'dev-example-service';
export const DEV_SERVICE_CLIENT_ID = 'kontakta-dev-service';
/** A development secret, like the development e-ID provider's: demo mode only. */
export const DEV_SERVICE_CLIENT_SECRET = 'dev-service-secret-not-for-production';
export const DEV_SERVICE_PATH = '/dev-service';

export function devServiceUrls(publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}${DEV_SERVICE_PATH}`;
  return { start: `${base}/login`, callback: `${base}/callback`, home: `${base}/` };
}

/** Registers (or brings up to date) the example service; the demo's addresses follow the public URL. */
export async function seedDevService(
  config: Config,
  database: Database,
  regionCode: string,
  unitHsaIds: readonly string[],
  now: number,
): Promise<void> {
  const urls = devServiceUrls(config.publicUrl);
  const row = {
    id: DEV_SERVICE_ID,
    region_code: regionCode,
    owner_unit_hsa_id: null,
    name_sv: 'Exempeltjänsten',
    name_en: 'The example service',
    description_sv: 'En påhittad e-tjänst som visar hur du kommer vidare inloggad från Kontakta.',
    description_en: 'A made-up e-service showing how you arrive logged in from Kontakta.',
    url: urls.start,
    client_id: DEV_SERVICE_CLIENT_ID,
    client_secret_hash: hashClientSecret(DEV_SERVICE_CLIENT_SECRET),
    redirect_uris: JSON.stringify([urls.callback]),
    claims: JSON.stringify(['name']),
    created_at: now,
    updated_at: now,
    updated_by: 'demo',
  };
  const { db } = database;
  await db.transaction().execute(async (trx) => {
    const { id: _id, created_at: _created, ...changes } = row;
    if (await findConnectedService(trx, DEV_SERVICE_ID)) await updateConnectedService(trx, DEV_SERVICE_ID, changes);
    else await insertConnectedService(trx, row);
    await replaceServiceUnits(trx, DEV_SERVICE_ID, unitHsaIds);
  });
}
