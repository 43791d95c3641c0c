import fs from 'node:fs';
import path from 'node:path';
import type { HsaCatalogue } from './hsa-catalogue.ts';
import type { PopulationRegister } from './population-register.ts';
import { HSA_FILE_NAME, POPULATION_FILE_NAME } from './register-file.schema.ts';
import { openReloadingFileRegister, type ReloadingRegisters } from './reloading-file-register.ts';

/** Both external registers, as the rest of the server uses them. */
export type Registers = PopulationRegister & HsaCatalogue;

/**
 * Opens the configured registers. Today that is the file adapter, which follows its files; a
 * real integration (Navet, Inera's HSA) would be chosen here by configuration.
 */
export async function openRegisters(
  registerDir: string,
  onReload: (error: Error | undefined) => void = () => {},
): Promise<ReloadingRegisters> {
  const missing = [POPULATION_FILE_NAME, HSA_FILE_NAME].filter((f) => !fs.existsSync(path.join(registerDir, f)));
  if (missing.length > 0) {
    throw new Error(
      `The register files ${missing.join(' and ')} are missing in ${registerDir}. Run \`npx kontakta seed --demo\` for the demo register, or set KONTAKTA_REGISTER_DIR.`,
    );
  }
  return openReloadingFileRegister(registerDir, onReload);
}
