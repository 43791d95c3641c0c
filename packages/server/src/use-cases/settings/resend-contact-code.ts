import type { NotificationSettings } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { findCitizenContact } from '../../storage/repositories/citizen-contact.repository.ts';
import { AppError } from '../app-error.ts';
import { forgetPassedMessageLimits } from '../messages/queue-code-message.ts';
import type { UseCaseContext } from '../services.ts';
import { getNotificationSettings } from './notification-settings.ts';
import { sendContactCode } from './send-contact-code.ts';

/**
 * "Send a new code" for an address that waits to be confirmed: a new code replaces the earlier
 * one (which stops working) and is valid 15 minutes. It changes nothing about where
 * notifications go, so it needs no recent login; it counts against the same limits as the first
 * code. Also after the earlier code expired or its tries ran out. 409 when no address waits to
 * be confirmed (confirmed, cleared, or never set).
 */
export async function resendContactCode(
  ctx: UseCaseContext<CitizenActor>,
  channel: 'email' | 'mobile',
): Promise<NotificationSettings> {
  const citizenId = citizenActedFor(ctx.actor);
  await forgetPassedMessageLimits(ctx, ctx.now);
  const sent = await ctx.database.db.transaction().execute(async (trx) => {
    const contact = await findCitizenContact(trx, citizenId);
    const address = contact?.[channel];
    if (!contact || !address || contact[`${channel}_verified_at`] !== null) return false;
    await sendContactCode(ctx, trx, { citizenId, channel, address, language: contact.language });
    return true;
  });
  if (!sent) throw new AppError('conflict', 'no-code-pending');
  return getNotificationSettings(ctx);
}
