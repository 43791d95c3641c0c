import type { NotificationSettings } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { getCitizenStoppedChannels } from '../../notifications/delivery-status.ts';
import { findCitizenContact, findContactVerification } from '../../storage/repositories/citizen-contact.repository.ts';
import { hasDeclinedNotificationPrompt } from '../../storage/repositories/notification-prompt.repository.ts';
import type { UseCaseContext } from '../services.ts';

/**
 * Where the citizen is told about news, whether each address is verified, whether it stopped
 * working, and whether to ask after login for an address (none verified, and no "not now").
 */
export async function getNotificationSettings(ctx: UseCaseContext<CitizenActor>): Promise<NotificationSettings> {
  const citizenId = citizenActedFor(ctx.actor);
  const { db } = ctx.database;
  const contact = await findCitizenContact(db, citizenId);
  const stopped = await getCitizenStoppedChannels(db, citizenId, {
    email: contact?.email ?? null,
    mobile: contact?.mobile ?? null,
  });
  const pending = async (channel: 'email' | 'mobile') => {
    const row = await findContactVerification(db, citizenId, channel);
    return row !== undefined && row.expires_at > ctx.now;
  };
  const since = (channel: 'email' | 'sms') => stopped.find((s) => s.channel === channel)?.since ?? null;
  const verified = contact?.email_verified_at != null || contact?.mobile_verified_at != null;
  // Asked of the person logged in: a guardian acting for a child answers for themself, not for the other guardian.
  const askForAddress = !verified && !(await hasDeclinedNotificationPrompt(db, citizenId, ctx.actor.citizenId));
  return {
    email: {
      address: contact?.email ?? null,
      verified: contact?.email_verified_at != null,
      awaitingCode: await pending('email'),
      stoppedWorkingAt: since('email'),
    },
    mobile: {
      address: contact?.mobile ?? null,
      verified: contact?.mobile_verified_at != null,
      awaitingCode: await pending('mobile'),
      stoppedWorkingAt: since('sms'),
    },
    language: contact?.language ?? 'sv',
    askForAddress,
  };
}
