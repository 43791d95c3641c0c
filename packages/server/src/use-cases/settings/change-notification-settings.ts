import type { FieldError, NotificationSettings } from '@kontakta/contract';
import type { CitizenActor, Language } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { type ServerMessageId, serverTexts } from '../../i18n/server-texts.ts';
import { checkMobileNumber, checkSmsRecipient, type MobileRefusal } from '../../identity/mobile-number.ts';
import {
  deleteContactVerification,
  findCitizenContact,
  upsertCitizenContact,
} from '../../storage/repositories/citizen-contact.repository.ts';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import { AppError } from '../app-error.ts';
import { forgetPassedMessageLimits } from '../messages/queue-code-message.ts';
import type { UseCaseContext } from '../services.ts';
import { requireRecentLogin } from '../sessions/recent-login.ts';
import { getNotificationSettings } from './notification-settings.ts';
import { sendContactCode } from './send-contact-code.ts';

// Deliberately plain: the real check is that the code we send there comes back.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SettingsChange = { email?: string | null; mobile?: string | null; language?: Language };

const MOBILE_MESSAGES: Readonly<Record<MobileRefusal, { code: string; text: ServerMessageId }>> = {
  'not-a-phone-number': { code: 'invalid-phone', text: 'field.settings.invalid-phone' },
  'not-a-mobile-number': { code: 'not-a-mobile-number', text: 'field.settings.not-a-mobile-number' },
  'country-not-allowed': { code: 'country-not-allowed', text: 'field.settings.country-not-allowed' },
};

/**
 * Sets where the citizen wants to be told about news. A new address is not used until the code
 * sent to it has been entered (verifyContact); clearing an address stops notifications there.
 * Changing or clearing an address needs a recent login (RECENT_LOGIN_MS), and a verified address
 * that is replaced is told so, without the new one, so that a change nobody asked for shows.
 */
export async function changeNotificationSettings(
  ctx: UseCaseContext<CitizenActor>,
  change: SettingsChange,
  language: Language,
): Promise<NotificationSettings> {
  const errors: FieldError[] = [];
  const email = change.email === undefined ? undefined : change.email?.trim().toLowerCase() || null;
  if (email && !EMAIL.test(email)) {
    errors.push({
      path: 'body.email',
      code: 'invalid-email',
      message: serverTexts(language)('field.settings.invalid-email'),
    });
  }
  let mobile = change.mobile === undefined ? undefined : change.mobile?.trim() || null;
  if (mobile) {
    const checked = checkMobileNumber(mobile, ctx.config.smsPolicy.allowedCountries);
    if (checked.ok) mobile = checked.e164;
    else {
      if (checked.reason !== 'not-a-phone-number') ctx.telemetry?.smsRefused({ reason: checked.reason });
      const text = MOBILE_MESSAGES[checked.reason];
      errors.push({ path: 'body.mobile', code: text.code, message: serverTexts(language)(text.text) });
    }
  }
  if (errors.length > 0) throw new AppError('validation-failed', undefined, errors);

  const citizenId = citizenActedFor(ctx.actor);
  await forgetPassedMessageLimits(ctx, ctx.now);
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
    const channels = (
      [
        ['email', email],
        ['mobile', mobile],
      ] as const
    ).filter(([channel, address]) => address !== undefined && address !== next[channel]);
    // The language alone may change at any time; where notifications go needs a fresh login.
    if (channels.length > 0) requireRecentLogin(ctx.actor, ctx.now);
    for (const [channel, address] of channels) {
      const replaced = next[`${channel}_verified_at`] !== null ? next[channel] : null;
      next[channel] = address ?? null;
      next[`${channel}_verified_at`] = null;
      await deleteContactVerification(trx, citizenId, channel);
      if (replaced)
        await tellReplacedAddress(ctx, trx, { citizenId, channel, address: replaced, language: next.language });
      if (!address) continue;
      await sendContactCode(ctx, trx, { citizenId, channel, address, language: next.language });
    }
    await upsertCitizenContact(trx, next);
  });
  return getNotificationSettings(ctx);
}

/**
 * "This address is no longer used for notifications from Kontakta": to the verified address
 * that was replaced or cleared, without the new address or anything else. At most one per
 * verified address, and every verified address took a code that came back, so it needs no
 * limit of its own; an SMS goes only to a number the installation still texts.
 */
async function tellReplacedAddress(
  ctx: UseCaseContext<CitizenActor>,
  trx: Parameters<typeof enqueueOutboxMessage>[0],
  replaced: { citizenId: string; channel: 'email' | 'mobile'; address: string; language: Language },
): Promise<void> {
  if (replaced.channel === 'mobile' && !checkSmsRecipient(replaced.address, ctx.config.smsPolicy.allowedCountries).ok)
    return;
  await enqueueOutboxMessage(
    trx,
    {
      channel: replaced.channel === 'email' ? 'email' : 'sms',
      template: 'contact-replaced',
      recipient: replaced.address,
      language: replaced.language,
      citizen_id: replaced.citizenId,
      errand_id: null,
    },
    ctx.now,
  );
}
