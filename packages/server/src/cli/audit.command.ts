import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { type ExportedHeads, parseExportedHeads } from '../use-cases/access-log/access-log-heads.ts';
import { compareWithExportedHeads } from '../use-cases/access-log/compare-exported-heads.ts';
import { prunedSoFar } from '../use-cases/access-log/prune-access-log.ts';
import { verifyAccessLog } from '../use-cases/access-log/verify-access-log.ts';
import { AUDIT_USAGE } from './usage.ts';

type Out = { write(text: string): unknown };

/**
 * `kontakta audit verify [--heads <file>]`: walks every unit's access-log chain; with exported
 * heads (from `kontakta backup`) also checks that every entry they name is still there unchanged.
 * A chain pruned after the keep period is verified from its anchor, and says so; an exported head
 * naming an entry pruned since is counted, not compared (nothing is left to compare it with).
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
    const compared = exported ? await compareWithExportedHeads(database, exported) : undefined;
    if (compared) problems.push(...compared.problems);
    const pruned = await prunedSoFar(database);
    for (const p of problems) {
      out.write(`BROKEN unit ${p.unitHsaId}, entry ${p.position}: ${p.problem}\n`);
    }
    const broken = new Set(problems.map((p) => p.unitHsaId)).size;
    out.write(
      problems.length === 0
        ? `The access log is intact: ${entries} entries verified.\n`
        : `The access log has been tampered with (${broken} chain(s) broken).\n`,
    );
    if (pruned.chains > 0) {
      out.write(
        `${pruned.entries} older entries of ${pruned.chains} chain(s) were pruned after the keep period; those chains were verified from their pruning anchors.\n`,
      );
    }
    if (exported && compared && problems.length === 0) {
      const kept = exported.heads.length - compared.pruned;
      out.write(
        `Every entry of the ${kept} chain head(s) exported at ${exported.exportedAt} is still there, unchanged.\n`,
      );
      if (compared.pruned > 0) {
        out.write(`${compared.pruned} exported head(s) name entries pruned since; they were not compared.\n`);
      }
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
