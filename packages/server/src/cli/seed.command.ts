import type { Config } from '../config/config.ts';
import { seedDevService } from '../dev-service/dev-service.seed.ts';
import { demoContactCards, loadFileRegister, writeDemoRegister } from '../registers/index.ts';
import type { Database } from '../storage/database.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';
import { offerDefaultErrandTypes } from '../use-cases/errand-types/offer-default-errand-types.ts';
import { syncOrganisation } from '../use-cases/organisation/sync-organisation.ts';
import { fillContactCards } from '../use-cases/units/fill-contact-cards.ts';

export async function seedCommand(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const { regions, units } = await seedDemo(config, database);
    process.stdout.write(
      `Wrote the demo register to ${config.registerDir} and loaded ${regions} regions and ${units} care units.\n`,
    );
  } finally {
    await database.close();
  }
}

/**
 * The demo register is written anew at every demo start: its children are 12 years 8 months,
 * 12 years 11 months and 13 years old *today*, and that has to stay true.
 */
export async function seedDemo(config: Config, database: Database): Promise<{ regions: number; units: number }> {
  const now = new Date();
  await writeDemoRegister(config.registerDir, now);
  const register = await loadFileRegister(config.registerDir);
  const synced = await syncOrganisation(database, register, now.getTime());
  const units = await register.listCareUnits();
  await offerDefaultErrandTypes(
    database,
    units.map((u) => ({
      hsaId: u.hsaId,
      kind: u.kind,
      notificationEmail: `inkorg.${u.hsaId.toLowerCase()}@mottagning.example`,
    })),
    now.getTime(),
  );
  await fillContactCards(database, demoContactCards(units), now.getTime());
  // The example connected service, on the contact cards of the first region's units.
  const region = units[0]?.regionCode;
  if (region) {
    const shown = units.filter((unit) => unit.regionCode === region).map((unit) => unit.hsaId);
    await seedDevService(config, database, region, shown, now.getTime());
  }
  return synced;
}
