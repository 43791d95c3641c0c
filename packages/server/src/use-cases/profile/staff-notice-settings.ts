import type { StaffNoticeSettings, StaffNoticeSettingsBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { serverTexts } from '../../i18n/server-texts.ts';
import { staffContactCodeContext } from '../../identity/one-time-code.ts';
import {
  type AssignmentEmail,
  confirmAssignmentEmail,
  countStaffVerificationAttempt,
  deleteStaffContactVerification,
  findAssignmentEmail,
  findStaffContactVerification,
  replaceStaffContactVerification,
  saveAssignmentEmail,
} from '../../storage/repositories/staff-notice.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { forgetPassedMessageLimits } from '../messages/queue-code-message.ts';
import type { UseCaseContext } from '../services.ts';
import {
  checkConfirmationCode,
  type Owner,
  refusalOf,
  sendConfirmationCode,
} from '../settings/address-confirmation.ts';

// A staff member's own notices: whether, and where, they get a content-free e-mail when an errand
// is assigned to them. Their own setting only: the actor is the staff member, there is no other.
// The address is confirmed as a citizen's notification address is (settings/address-confirmation.ts):
// setting it sends a code there, and nothing else is sent there until the code has come back.

function present(email: AssignmentEmail | null): StaffNoticeSettings {
  return { assignmentEmail: email?.address ?? null, assignmentEmailConfirmed: email?.verifiedAt != null };
}

/** A staff member's assignment address, for the one confirmation mechanism. */
function staffAddressOwner(hsaId: string): Owner {
  return {
    account: { staffHsaId: hsaId },
    context: (address) => staffContactCodeContext(hsaId, address),
    store: {
      replace: (trx, pending) => replaceStaffContactVerification(trx, { staff_hsa_id: hsaId, ...pending }),
      find: (trx) => findStaffContactVerification(trx, hsaId),
      countWrongTry: (trx) => countStaffVerificationAttempt(trx, hsaId),
      remove: (trx) => deleteStaffContactVerification(trx, hsaId),
    },
  };
}

export async function showStaffNoticeSettings(ctx: UseCaseContext<StaffActor>): Promise<StaffNoticeSettings> {
  return present(await findAssignmentEmail(ctx.database.db, ctx.actor.hsaId));
}

// As for the unit's mailbox: one @, no spaces, a dot in the domain; only catches typing mistakes.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sets or clears the address. A new address waits to be confirmed: a code goes to it (counted
 * against the code-message limits, 429 beyond them) and assignment e-mails go nowhere until it
 * comes back. The same address again changes nothing; clearing forgets any code waiting.
 */
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
  const hsaId = ctx.actor.hsaId;
  const owner = staffAddressOwner(hsaId);
  await forgetPassedMessageLimits(ctx, ctx.now);
  return ctx.database.db.transaction().execute(async (trx) => {
    const current = await findAssignmentEmail(trx, hsaId);
    if (email === current?.address) return present(current);
    await saveAssignmentEmail(trx, hsaId, email, null, ctx.now);
    if (email === null) await owner.store.remove(trx);
    else await sendConfirmationCode(ctx, trx, owner, { channel: 'email', address: email, language });
    return present(await findAssignmentEmail(trx, hsaId));
  });
}

/** The code sent to the address comes back: from now on assignment e-mails go there. */
export async function confirmStaffNoticeEmail(
  ctx: UseCaseContext<StaffActor>,
  code: string,
): Promise<StaffNoticeSettings> {
  const hsaId = ctx.actor.hsaId;
  const owner = staffAddressOwner(hsaId);
  const outcome = await ctx.database.db.transaction().execute(async (trx) => {
    const checked = await checkConfirmationCode(ctx, trx, owner, code);
    if (!checked.ok) return checked.reason;
    // The address was changed since the code was sent: that code confirms nothing.
    if (!(await confirmAssignmentEmail(trx, hsaId, checked.address, ctx.now))) return 'none' as const;
    await owner.store.remove(trx);
    return 'confirmed' as const;
  });
  if (outcome !== 'confirmed') throw refusalOf(outcome);
  return showStaffNoticeSettings(ctx);
}

/** "Send a new code" to the address that waits to be confirmed; 409 when none waits. */
export async function resendStaffNoticeCode(
  ctx: UseCaseContext<StaffActor>,
  language: Language,
): Promise<StaffNoticeSettings> {
  const hsaId = ctx.actor.hsaId;
  await forgetPassedMessageLimits(ctx, ctx.now);
  return ctx.database.db.transaction().execute(async (trx) => {
    const current = await findAssignmentEmail(trx, hsaId);
    if (!current || current.verifiedAt !== null) throw new AppError('conflict', 'no-code-pending');
    await sendConfirmationCode(ctx, trx, staffAddressOwner(hsaId), {
      channel: 'email',
      address: current.address,
      language,
    });
    return present(current);
  });
}

/** The confirmed address for assignment e-mails, or null: an unconfirmed one gets nothing. */
export async function confirmedAssignmentEmail(db: Kysely<DatabaseSchema>, hsaId: string): Promise<string | null> {
  const email = await findAssignmentEmail(db, hsaId);
  return email && email.verifiedAt !== null ? email.address : null;
}
