import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writing backup files so that a file under its final name is always whole: written under a
 * temporary name beside it, synced, then given its name. A backup never replaces another one.
 */

export class FileExistsError extends Error {}

/** Refuses before any work is done, so the operator hears at once; `publish` checks again. */
export function refuseExisting(files: string[]): void {
  for (const file of files) {
    if (fs.existsSync(file)) throw new FileExistsError(`${file} exists already; it is not overwritten.`);
  }
}

/** A name in the same folder (so giving it the final name is a rename, not a copy) that is hidden and unique. */
export function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function writeSynced(file: string, text: string): void {
  const handle = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeFileSync(handle, text);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * Gives a synced temporary file its final name, refusing if that name is taken. `rename` would
 * replace a file that appeared since `refuseExisting`; a hard link fails instead (EEXIST). Where
 * the file system has no hard links, a check right before the rename has to do.
 */
export function publish(temporary: string, file: string): void {
  try {
    fs.linkSync(temporary, file);
    fs.unlinkSync(temporary);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(`${file} exists already; it is not overwritten.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    refuseExisting([file]);
    fs.renameSync(temporary, file);
  }
  syncFolder(path.dirname(file));
}

/** The new name is durable only once the folder is synced too. */
function syncFolder(folder: string): void {
  const handle = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}
