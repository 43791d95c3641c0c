import type { StaffNoticeSettings, StaffNoticeSettingsBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import { findAssignmentEmail, saveAssignmentEmail } from '../../storage/repositories/staff-notice.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

// A staff member's own notices: whether, and where, they get a content-free e-mail when an errand
// is assigned to them. Their own setting only: the actor is the staff member, there is no other.

export async function showStaffNoticeSettings(ctx: UseCaseContext<StaffActor>): Promise<StaffNoticeSettings> {
  return { assignmentEmail: await findAssignmentEmail(ctx.database.db, ctx.actor.hsaId) };
}

// As for the unit's mailbox: one @, no spaces, a dot in the domain; only catches typing mistakes.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function changeStaffNoticeSettings(
  ctx: UseCaseContext<StaffActor>,
  input: StaffNoticeSettingsBody,
  language: Language,
): Promise<StaffNoticeSettings> {
  const email = input.assignmentEmail?.trim() || null;
  if (email !== null && (!EMAIL.test(email) || /\p{Cc}/u.test(email))) {
    throw new AppError('validation-failed', undefined, [
      { path: 'body.assignmentEmail', code: 'invalid-email', message: serverTexts(language)('field.email-example') },
    ]);
  }
  await saveAssignmentEmail(ctx.database.db, ctx.actor.hsaId, email, ctx.now);
  return { assignmentEmail: email };
}
