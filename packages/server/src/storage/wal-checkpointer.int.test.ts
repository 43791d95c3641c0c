import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints off the event loop (SQLite, the server’s group-commit connection)', () => {
  it('commits never checkpoint, and the worker thread copies the WAL into the database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-checkpoint-'));
    dirs.push(dir);
    const file = path.join(dir, 'kontakta.sqlite');
    const database = openDatabase({ dialect: 'sqlite', file }, { groupCommit: true });
    try {
      const setting = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(database.db);
      expect(setting.rows[0]?.wal_autocheckpoint).toBe(0);

      // ~8 MB in small commits, as requests write: without a checkpoint all of it stays in the WAL.
      await sql`CREATE TABLE item (id INTEGER PRIMARY KEY, body BLOB)`.execute(database.db);
      for (let i = 0; i < 2_000; i++) {
        await sql`INSERT INTO item (body) VALUES (randomblob(4000))`.execute(database.db);
      }
      await database.whenDurable();
      await vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(6_000_000), {
        timeout: 60_000,
        interval: 100,
      });
    } finally {
      await database.close();
    }
  });
});
