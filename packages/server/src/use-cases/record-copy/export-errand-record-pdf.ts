import type { StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { renderErrandRecordPdf } from './errand-record-copy.pdf.ts';
import { copyErrandForRecord, recordCopyFileName } from './errand-record-copy.ts';

/**
 * A copy of the errand for the medical record as a tagged, accessible PDF in Swedish. Whoever may
 * read the errand may take it; it is written to the access log as `export-record`.
 */
export async function exportErrandRecordPdf(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const copy = await copyErrandForRecord(ctx, errandId);
  return { pdf: await renderErrandRecordPdf(copy), fileName: recordCopyFileName(copy, 'pdf') };
}
