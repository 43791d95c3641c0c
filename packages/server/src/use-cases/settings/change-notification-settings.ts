import type { FieldError, NotificationSettings } from '@kontakta/contract';
import { type CitizenActor, normalizePhoneNumber } from '@kontakta/domain';
import { hashOneTimeCode, newCodeSalt, newOneTimeCode } from '../../identity/one-time-code.ts';
import {
  deleteContactVerification,
  findCitizenContact,
  replaceContactVerification,
  upsertCitizenContact,
} from '../../storage/repositories/citizen-contact.repository.ts';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { getNotificationSettings } from './notification-settings.ts';

export const VERIFICATION_VALID_MS = 15 * 60_000;

// Deliberately plain: the real check is that the code we send there comes back.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SettingsChange = { email?: string | null; mobile?: string | null; language?: 'sv' | 'en' };

/**
 * Sets where the citizen wants to be told about news. A new address is not used until the code
 * sent to it has been entered (verifyContact); clearing an address stops notifications there.
 */
export async function changeNotificationSettings(
  ctx: UseCaseContext<CitizenActor>,
  change: SettingsChange,
  language: 'sv' | 'en',
): Promise<NotificationSettings> {
  const errors: FieldError[] = [];
  const email = change.email?.trim().toLowerCase();
  if (email && !EMAIL.test(email)) {
    errors.push({
      path: 'body.email',
      code: 'invalid-email',
      message: language === 'sv' ? 'Skriv en giltig e-postadress.' : 'Enter a valid e-mail address.',
    });
  }
  const mobile = change.mobile ? normalizePhoneNumber(change.mobile) : change.mobile;
  if (change.mobile && !mobile) {
    errors.push({
      path: 'body.mobile',
      code: 'invalid-phone',
      message: language === 'sv' ? 'Skriv ett giltigt mobilnummer.' : 'Enter a valid mobile number.',
    });
  }
  if (errors.length > 0) throw new AppError('validation-failed', undefined, errors);

  const citizenId = ctx.actor.actingForCitizenId ?? ctx.actor.citizenId;
  await ctx.database.db.transaction().execute(async (trx) => {
    const current = await findCitizenContact(trx, citizenId);
    const next = {
      citizen_id: citizenId,
      email: current?.email ?? null,
      email_verified_at: current?.email_verified_at ?? null,
      mobile: current?.mobile ?? null,
      mobile_verified_at: current?.mobile_verified_at ?? null,
      language: change.language ?? current?.language ?? 'sv',
      updated_at: ctx.now,
    };
    const channels = [
      ['email', change.email === undefined ? undefined : (email ?? null)],
      ['mobile', change.mobile === undefined ? undefined : (mobile ?? null)],
    ] as const;
    for (const [channel, address] of channels) {
      if (address === undefined || address === next[channel]) continue;
      next[channel] = address;
      next[`${channel}_verified_at`] = null;
      await deleteContactVerification(trx, citizenId, channel);
      if (address === null) continue;
      const code = newOneTimeCode();
      const salt = newCodeSalt();
      await replaceContactVerification(trx, {
        citizen_id: citizenId,
        channel,
        address,
        code_hash: `${salt}:${hashOneTimeCode(code, salt)}`,
        expires_at: ctx.now + VERIFICATION_VALID_MS,
        attempts: 0,
      });
      await enqueueOutboxMessage(
        trx,
        {
          channel: channel === 'email' ? 'email' : 'sms',
          template: 'contact-verification',
          recipient: address,
          language: next.language,
          citizen_id: citizenId,
          errand_id: null,
          parameters: { code, validMinutes: VERIFICATION_VALID_MS / 60_000 },
        },
        ctx.now,
      );
    }
    await upsertCitizenContact(trx, next);
  });
  return getNotificationSettings(ctx);
}
