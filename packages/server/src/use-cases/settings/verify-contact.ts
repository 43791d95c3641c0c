import type { NotificationSettings } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { CODE_MAX_WRONG_TRIES, contactCodeContext, oneTimeCodeMatches } from '../../identity/one-time-code.ts';
import {
  countVerificationAttempt,
  deleteContactVerification,
  findCitizenContact,
  findContactVerification,
  upsertCitizenContact,
} from '../../storage/repositories/citizen-contact.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { getNotificationSettings } from './notification-settings.ts';

/** The citizen enters the code sent to a new address; from then on notifications go there. */
export async function verifyContact(
  ctx: UseCaseContext<CitizenActor>,
  channel: 'email' | 'mobile',
  code: string,
): Promise<NotificationSettings> {
  const citizenId = citizenActedFor(ctx.actor);
  const outcome = await ctx.database.db.transaction().execute(async (trx) => {
    const pending = await findContactVerification(trx, citizenId, channel);
    if (!pending) return 'conflict' as const;
    if (pending.expires_at <= ctx.now || pending.attempts >= CODE_MAX_WRONG_TRIES) {
      await deleteContactVerification(trx, citizenId, channel);
      return 'expired' as const;
    }
    const context = contactCodeContext(citizenId, channel, pending.address);
    if (!oneTimeCodeMatches(ctx.keys, code.trim(), context, pending.code_hash)) {
      await countVerificationAttempt(trx, citizenId, channel);
      return 'wrong' as const;
    }
    const contact = await findCitizenContact(trx, citizenId);
    if (!contact || contact[channel] !== pending.address) return 'conflict' as const;
    await upsertCitizenContact(trx, { ...contact, [`${channel}_verified_at`]: ctx.now, updated_at: ctx.now });
    await deleteContactVerification(trx, citizenId, channel);
    return 'verified' as const;
  });
  if (outcome === 'conflict') throw new AppError('conflict', 'no-code-pending');
  if (outcome === 'expired') throw new AppError('code-expired');
  if (outcome === 'wrong') throw new AppError('invalid-code');
  return getNotificationSettings(ctx);
}
