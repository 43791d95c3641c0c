import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { type ExportedHeads, parseExportedHeads } from '../use-cases/access-log/access-log-heads.ts';
import { compareWithExportedHeads } from '../use-cases/access-log/compare-exported-heads.ts';
import { verifyAccessLog } from '../use-cases/access-log/verify-access-log.ts';
import { AUDIT_USAGE } from './usage.ts';

type Out = { write(text: string): unknown };

/**
 * `kontakta audit verify [--heads <file>]`: walks every unit's access-log chain; with exported
 * heads (from `kontakta backup`) also checks that every entry they name is still there unchanged.
 * Exit code 1 on any break.
 */
export async function auditCommand(
  args: string[],
  config: () => Promise<Config>,
  out: Out = process.stdout,
): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { heads: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== 'verify') throw new Error(`Usage: ${AUDIT_USAGE}`);
  // The heads file is read before the database is opened: a wrong path is told at once.
  const exported = values.heads === undefined ? undefined : readHeadsFile(values.heads);
  const database = openDatabase((await config()).database);
  try {
    const { entries, problems } = await verifyAccessLog(database);
    if (exported) problems.push(...(await compareWithExportedHeads(database, exported)));
    for (const p of problems) {
      out.write(`BROKEN unit ${p.unitHsaId}, entry ${p.position}: ${p.problem}\n`);
    }
    const broken = new Set(problems.map((p) => p.unitHsaId)).size;
    out.write(
      problems.length === 0
        ? `The access log is intact: ${entries} entries verified.\n`
        : `The access log has been tampered with (${broken} chain(s) broken).\n`,
    );
    if (exported && problems.length === 0) {
      out.write(
        `Every entry of the ${exported.heads.length} chain head(s) exported at ${exported.exportedAt} is still there, unchanged.\n`,
      );
    }
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

function readHeadsFile(file: string): ExportedHeads {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the heads file ${file}: ${(error as Error).message}`);
  }
  return parseExportedHeads(text, file);
}
