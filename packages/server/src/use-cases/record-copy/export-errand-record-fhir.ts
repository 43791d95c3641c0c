import { randomUUID } from 'node:crypto';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Bundle } from '@medplum/fhirtypes';
import { errandRecordToBundle } from '../../fhir/errand-record-bundle.mapper.ts';
import type { UseCaseContext } from '../services.ts';
import { copyErrandForRecord, recordCopyFileName } from './errand-record-copy.ts';

/**
 * A copy of the errand for the medical record as a FHIR R4 Bundle (QuestionnaireResponse,
 * Communications, Task, Patient, Practitioners), its texts in the staff member's language. Whoever may read the errand may take it; it is
 * written to the access log as `export-record`.
 */
export async function exportErrandRecordFhir(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  language: Language,
): Promise<{ bundle: Bundle; fileName: string }> {
  const copy = await copyErrandForRecord(ctx, errandId, language);
  return {
    bundle: errandRecordToBundle(copy, { publicUrl: ctx.config.publicUrl, newId: randomUUID }),
    fileName: recordCopyFileName(copy, 'json'),
  };
}
