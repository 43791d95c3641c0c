import type { Config } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { verifyAccessLog } from '../use-cases/access-log/verify-access-log.ts';

/** `kontakta audit verify`: walks every unit's access-log chain; exit code 1 on any break. */
export async function auditVerifyCommand(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  try {
    const { entries, problems } = await verifyAccessLog(database);
    for (const p of problems) {
      process.stdout.write(`BROKEN unit ${p.unitHsaId}, entry ${p.position}: ${p.problem}\n`);
    }
    process.stdout.write(
      problems.length === 0
        ? `The access log is intact: ${entries} entries verified.\n`
        : `The access log has been tampered with (${problems.length} chain(s) broken).\n`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
