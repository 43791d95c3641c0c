import type { Config } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';

export async function migrateCommand(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(
      applied.length === 0 ? 'The database is up to date.\n' : `Applied ${applied.length}: ${applied.join(', ')}\n`,
    );
  } finally {
    await database.close();
  }
}
