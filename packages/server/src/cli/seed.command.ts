import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';

export async function seedCommand(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await seedDemo(config, database);
  } finally {
    await database.close();
  }
}

export async function seedDemoIfEmpty(_config: Config, _database: Database): Promise<void> {}
async function seedDemo(_config: Config, _database: Database): Promise<void> {}
