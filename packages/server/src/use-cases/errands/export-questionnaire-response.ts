import type { FormAnswers, FormDefinition, StaffActor } from '@kontakta/domain';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { openText } from '../../encryption/envelope.ts';
import { PERSONNUMMER_SYSTEM } from '../../fhir/fhir-vocabulary.ts';
import { answersToQuestionnaireResponse } from '../../fhir/questionnaire-response.mapper.ts';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { listErrandMessages } from '../../storage/repositories/errand.repository.ts';
import { findFormVersion } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import { questionnaireUrl } from '../errand-types/export-questionnaire.ts';
import type { UseCaseContext } from '../services.ts';
import { dataKeyOf, findVisibleErrand, logStaffAccess } from './errand-record.ts';

/**
 * The citizen's submission as a FHIR R4 QuestionnaireResponse, for staff to take into a record
 * system. The same people as may read the errand (others get 404), and written to the access log
 * as a read, in the same transaction.
 */
export async function exportQuestionnaireResponse(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
): Promise<QuestionnaireResponse> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    if (access.as === 'citizen') throw new AppError('not-found');
    const [messages, version, citizen] = await Promise.all([
      listErrandMessages(trx, row.id),
      findFormVersion(trx, row.form_version_id),
      findCitizenById(trx, row.citizen_id),
    ]);
    const submission = messages.find((message) => message.kind === 'submission');
    if (!submission || !version) throw new AppError('internal-error', 'submission or form version missing');
    const content = JSON.parse(
      openText(dataKeyOf(ctx, row), Buffer.from(submission.content), `${row.id}:${submission.id}`),
    ) as { answers: FormAnswers };
    await logStaffAccess(ctx, trx, row, { hsaId: access.hsaId, role: access.as }, 'read');
    return answersToQuestionnaireResponse(JSON.parse(version.definition) as FormDefinition, content.answers, {
      questionnaireUrl: questionnaireUrl(ctx.config.publicUrl, row.unit_hsa_id, row.errand_type),
      version: version.version,
      authored: submission.created_at,
      ...(citizen ? { subject: { identifier: { system: PERSONNUMMER_SYSTEM, value: citizen.personnummer } } } : {}),
    });
  });
}
