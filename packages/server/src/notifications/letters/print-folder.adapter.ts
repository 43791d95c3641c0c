import fs from 'node:fs/promises';
import path from 'node:path';
import type { DeliveryResult } from '../notification.types.ts';
import type { PrintLetter, PrintService } from './print-service.ts';

/**
 * Hands letters to a print service by folder: each letter becomes `<outbox id>.pdf` in the print
 * outbox, which the print house (or a script that uploads to it) collects. The file appears under
 * its final name only when complete (written aside, then renamed), and a letter already there is
 * not written again. The source PDF is moved, not copied: a password letter exists in one place.
 */
export function createPrintFolderService(folder: string): PrintService {
  return {
    async submit(letter: PrintLetter): Promise<DeliveryResult> {
      const name = printFileName(letter.id);
      const target = path.join(folder, name);
      if (await exists(target)) return { outcome: 'sent', reference: name };
      if (!path.isAbsolute(letter.pdfPath) || !letter.pdfPath.endsWith('.pdf')) {
        return { outcome: 'undeliverable', reason: 'the letter has no absolute .pdf path' };
      }
      if (!(await exists(letter.pdfPath))) return { outcome: 'undeliverable', reason: "the letter's PDF is missing" };
      try {
        await fs.mkdir(folder, { recursive: true, mode: 0o700 });
        // A dot name: print services ignore hidden files, so a half-written letter is never printed.
        const partial = path.join(folder, `.${name}.partial`);
        await fs.copyFile(letter.pdfPath, partial);
        const handle = await fs.open(partial, 'r');
        await handle.sync().finally(() => handle.close());
        await fs.rename(partial, target);
        await fs.rm(letter.pdfPath, { force: true });
        return { outcome: 'sent', reference: name };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        return { outcome: 'retry', reason: `could not write to the print outbox (${code})` };
      }
    },
  };
}

/** The file name of a letter in the print outbox. */
export function printFileName(outboxId: string): string {
  return `${outboxId}.pdf`;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
