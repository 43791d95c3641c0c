import type { NotificationSettings } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { findCitizenContact, upsertCitizenContact } from '../../storage/repositories/citizen-contact.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { checkConfirmationCode, refusalOf } from './address-confirmation.ts';
import { getNotificationSettings } from './notification-settings.ts';
import { citizenAddressOwner } from './send-contact-code.ts';

/** The citizen enters the code sent to a new address; from then on notifications go there. */
export async function verifyContact(
  ctx: UseCaseContext<CitizenActor>,
  channel: 'email' | 'mobile',
  code: string,
): Promise<NotificationSettings> {
  const citizenId = citizenActedFor(ctx.actor);
  const owner = citizenAddressOwner(citizenId, channel);
  const outcome = await ctx.database.db.transaction().execute(async (trx) => {
    const checked = await checkConfirmationCode(ctx, trx, owner, code);
    if (!checked.ok) return checked.reason;
    const contact = await findCitizenContact(trx, citizenId);
    if (!contact || contact[channel] !== checked.address) return 'conflict' as const;
    await upsertCitizenContact(trx, { ...contact, [`${channel}_verified_at`]: ctx.now, updated_at: ctx.now });
    await owner.store.remove(trx);
    return 'verified' as const;
  });
  if (outcome === 'conflict') throw new AppError('conflict', 'no-code-pending');
  if (outcome !== 'verified') throw refusalOf(outcome);
  return getNotificationSettings(ctx);
}
