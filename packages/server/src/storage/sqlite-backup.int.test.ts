import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setImmediate } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copySqliteSnapshot } from './sqlite-backup.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('copySqliteSnapshot', () => {
  it('copies one consistent snapshot while another connection keeps committing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-snapshot-'));
    dirs.push(dir);
    const source = path.join(dir, 'live.sqlite');
    // Big enough (~40 MB) that the copy takes a while; every commit adds a row and counts it in
    // another table, as an access-log entry and its chain head are written together.
    const writer = new DatabaseSync(source);
    writer.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000');
    writer.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, body BLOB); CREATE TABLE head (count INTEGER)');
    writer.exec('BEGIN');
    const insert = writer.prepare('INSERT INTO item (body) VALUES (randomblob(4000))');
    for (let i = 0; i < 10_000; i++) insert.run();
    writer.exec('INSERT INTO head VALUES (10000); COMMIT');

    const count = () => (writer.prepare('SELECT count FROM head').get() as { count: number }).count;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        writer.exec('BEGIN IMMEDIATE');
        insert.run();
        writer.exec('UPDATE head SET count = count + 1; COMMIT');
        await setImmediate();
      }
    })();
    const before = count();
    const copy = path.join(dir, 'copy.sqlite');
    await copySqliteSnapshot(source, copy);
    const after = count();
    writing = false;
    await writes;
    writer.close();

    const copied = new DatabaseSync(copy, { readOnly: true });
    const snapshot = copied
      .prepare('SELECT (SELECT count(*) FROM item) AS rows, (SELECT count FROM head) AS count')
      .get();
    const journal = copied.prepare('PRAGMA journal_mode').get();
    copied.close();
    expect(after).toBeGreaterThan(before);
    expect(snapshot?.rows).toBe(snapshot?.count);
    expect(snapshot?.count).toBeGreaterThanOrEqual(before);
    expect(snapshot?.count).toBeLessThanOrEqual(after);
    // A file whole by itself, readable by its owner only.
    expect(journal).toEqual({ journal_mode: 'delete' });
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('writes only into a new file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-snapshot-'));
    dirs.push(dir);
    const source = path.join(dir, 'live.sqlite');
    new DatabaseSync(source).close();
    fs.writeFileSync(path.join(dir, 'copy.sqlite'), 'keep');
    await expect(copySqliteSnapshot(source, path.join(dir, 'copy.sqlite'))).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(path.join(dir, 'copy.sqlite'), 'utf8')).toBe('keep');
  });
});
