import type { Language, StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { renderErrandRecordPdf } from './errand-record-copy.pdf.ts';
import { copyErrandForRecord, recordCopyFileName } from './errand-record-copy.ts';

/**
 * A copy of the errand for the medical record as a tagged, accessible PDF in the staff member's language (Swedish or English). Whoever may
 * read the errand may take it; it is written to the access log as `export-record`.
 */
export async function exportErrandRecordPdf(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  language: Language,
): Promise<{ pdf: Buffer; fileName: string }> {
  const copy = await copyErrandForRecord(ctx, errandId, language);
  return { pdf: await renderErrandRecordPdf(copy), fileName: recordCopyFileName(copy, 'pdf') };
}
