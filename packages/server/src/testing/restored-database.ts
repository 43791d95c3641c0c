import { type Database, openDatabase } from '../storage/database.ts';

/** Opens an SQLite file as a restored database (a backup brought back), for tests of what it holds. */
export function openRestoredSqlite(file: string): Database {
  return openDatabase({ dialect: 'sqlite', file });
}
