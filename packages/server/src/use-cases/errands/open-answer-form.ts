import type { AnswerForm } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { findFormVersion } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { findVisibleErrand } from './errand-record.ts';

/**
 * The answer form for an errand: its type's answer form in the version the errand was sent with,
 * the same definition the server checks the answer against. Only for staff who may see the errand
 * (others get 404); it holds no content, so it is not an access-log event.
 */
export async function openAnswerForm(ctx: UseCaseContext<StaffActor>, errandId: string): Promise<AnswerForm> {
  const { db } = ctx.database;
  const { row } = await findVisibleErrand(ctx, db, errandId);
  const version = await findFormVersion(db, row.form_version_id);
  if (!version) throw new AppError('internal-error', 'form version missing');
  return { definition: JSON.parse(version.answer_definition) as unknown };
}
