import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Dialect } from '../../storage/database.ts';
import { listAccessLogUnits } from '../../storage/repositories/access-log.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

/**
 * The access-log chain heads exported beside a backup. The chain proves that no entry was edited
 * in place, but someone who rewrites entries *and* the head leaves a chain that verifies; a head
 * kept outside the database catches that (`kontakta audit verify --heads <file>`).
 */
const ExportedHeadsSchema = Type.Object({
  format: Type.Literal('kontakta-access-log-heads/1'),
  exportedAt: Type.String(),
  dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  /** The backup file taken in the same snapshot; null when only the heads were exported. */
  backupFile: Type.Union([Type.String(), Type.Null()]),
  heads: Type.Array(
    Type.Object({
      unitHsaId: Type.String({ minLength: 1 }),
      position: Type.Integer({ minimum: 0 }),
      hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    }),
  ),
});
export type ExportedHeads = Static<typeof ExportedHeadsSchema>;
export type ChainHead = ExportedHeads['heads'][number];

const validator = Compile(ExportedHeadsSchema);

/** Where the heads of a backup go: beside it, so they travel together. */
export function headsFileFor(backupFile: string): string {
  return `${backupFile}.access-log-heads.json`;
}

export async function readChainHeads(db: Kysely<DatabaseSchema>): Promise<ChainHead[]> {
  const rows = await listAccessLogUnits(db);
  return rows.map((row) => ({ unitHsaId: row.unit_hsa_id, position: row.position, hash: row.hash }));
}

export function formatExportedHeads(heads: ChainHead[], at: Date, dialect: Dialect, backupFile: string | null): string {
  const exported: ExportedHeads = {
    format: 'kontakta-access-log-heads/1',
    exportedAt: at.toISOString(),
    dialect,
    backupFile,
    heads,
  };
  return `${JSON.stringify(exported, null, 2)}\n`;
}

export function parseExportedHeads(text: string, file: string): ExportedHeads {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON: not an access-log heads file.`);
  }
  if (!validator.Check(content)) {
    const [first] = validator.Errors(content);
    throw new Error(
      `${file} is not an access-log heads file (${first ? `${first.instancePath || '/'} ${first.message}` : 'unknown shape'}).`,
    );
  }
  return content;
}
