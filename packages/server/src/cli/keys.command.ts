import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import {
  addKeyToFile,
  generateKeyFile,
  loadKeyRing,
  newKeyEntry,
  removeKeysFromFile,
} from '../encryption/master-keys.ts';
import { openDatabase } from '../storage/database.ts';
import { planMasterKeyPrune } from '../use-cases/keys/master-key-use.ts';
import { rewrapDataKeys } from '../use-cases/keys/rewrap-data-keys.ts';
import { progressBar } from './progress-bar.ts';
import { KEYS_USAGE } from './usage.ts';

type Out = { write(text: string): unknown };

/**
 * `kontakta keys …`: rotation in three steps that cannot lose data. `add` makes a new current key
 * (running servers follow the key file), `rewrap` moves every data key to it, `prune` removes an
 * old key only once no row references it.
 */
export async function keysCommand(
  args: string[],
  config: () => Promise<Config>,
  out: Out = process.stdout,
  err: Out & { isTTY?: boolean } = process.stderr,
): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const [action, ...rest] = positionals;
  if (action === 'generate' && rest.length === 1) return generate(rest[0] as string, out);
  if (rest.length > 0 || !['add', 'rewrap', 'prune'].includes(action ?? '')) {
    throw new Error(`Usage: ${KEYS_USAGE}`);
  }
  const loaded = await config();
  if (action === 'add') return add(loaded, out);
  if (action === 'rewrap') return rewrap(loaded, out, err);
  return prune(loaded, out);
}

function generate(file: string, out: Out): void {
  const id = generateKeyFile(file);
  out.write(
    `Wrote ${file} with master key "${id}" (readable by its owner only).\nSet KONTAKTA_MASTER_KEY_FILE=${file} and keep the file out of the database backups.\n`,
  );
}

function add(config: Config, out: Out): void {
  const source = config.masterKeys;
  if (source.kind === 'file') {
    const id = addKeyToFile(source.path);
    out.write(
      `Added master key "${id}" to ${source.path}; it is now the current key. Running servers switch to it within a second (or at once on SIGHUP).\nNext: kontakta keys rewrap\n`,
    );
    return;
  }
  const ring = loadKeyRing(source, () => {});
  out.write(
    `A new master key (it is not stored anywhere yet):\n\n  ${newKeyEntry(new Set(ring.keys.keys()))}\n\nPut it first in KONTAKTA_MASTER_KEY, keeping the others after it, restart every server, then run: kontakta keys rewrap\n`,
  );
}

async function rewrap(config: Config, out: Out, err: Out & { isTTY?: boolean }): Promise<void> {
  const ring = loadKeyRing(noGeneration(config), () => {});
  const database = openDatabase(config.database);
  const bar = progressBar('Re-wrapping data keys', err);
  try {
    const count = await rewrapDataKeys(database, ring, openDeletionKeys(config.deletionKeyFile), {
      progress: bar.update,
    });
    bar.finish();
    out.write(`Re-wrapped ${count} data keys under master key "${ring.currentId}".\nNext: kontakta keys prune\n`);
  } finally {
    await database.close();
  }
}

async function prune(config: Config, out: Out): Promise<void> {
  const source = noGeneration(config);
  const ring = loadKeyRing(source, () => {});
  const database = openDatabase(config.database);
  try {
    const { removable, stillUsed } = await planMasterKeyPrune(database, ring, openDeletionKeys(config.deletionKeyFile));
    if (removable.length === 0 && stillUsed.length === 0) {
      out.write(`Only the current master key "${ring.currentId}" is loaded; nothing to prune.\n`);
    }
    if (removable.length > 0 && source.kind === 'file') {
      removeKeysFromFile(source.path, new Set(removable));
      out.write(`Removed master key(s) ${removable.join(', ')} from ${source.path}: nothing references them.\n`);
    } else if (removable.length > 0) {
      out.write(`Nothing references ${removable.join(', ')} any more: remove them from KONTAKTA_MASTER_KEY.\n`);
    }
    if (stillUsed.length > 0) {
      const list = stillUsed.map((k) => `"${k.id}" still wraps ${k.rows} data key(s)`).join('; ');
      throw new Error(
        `Not pruned: ${list}. Run \`kontakta keys rewrap\` (a server may have used the old key before it switched), then prune again.`,
      );
    }
  } finally {
    await database.close();
  }
}

function noGeneration(config: Config) {
  const source = config.masterKeys;
  return source.kind === 'file' ? { ...source, generateIfMissing: false } : source;
}
