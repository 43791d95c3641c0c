import type { Language } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { lookupHash } from '../../encryption/keyed-hash.ts';
import {
  CODE_MESSAGE_LIMITS,
  type CodeMessagePurpose,
  GLOBAL_SMS_WINDOW_MS,
  type SmsRefusal,
} from '../../identity/code-message.policy.ts';
import { checkSmsRecipient } from '../../identity/mobile-number.ts';
import { countMessage, deletePassedMessageLimits } from '../../storage/repositories/message-limit.repository.ts';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { Services } from '../services.ts';

export type CodeMessage = Readonly<
  {
    purpose: CodeMessagePurpose;
    channel: 'sms' | 'email';
    /** E.164 number or e-mail address. */
    recipient: string;
    language: Language;
    code: string;
    validMinutes: number;
  } & (
    | { citizenId: string }
    // A staff member confirming their own address for assignment e-mails.
    | { staffHsaId: string }
  )
>;

/** Counters a clean-up deletes at most at once (bounded work per message). */
const CLEAN_UP_BATCH = 100;
const LONGEST_WINDOW_MS = Math.max(...Object.values(CODE_MESSAGE_LIMITS).map((limit) => limit.windowMs));

/**
 * Queues a message with a code, call it within the transaction that stores the code. Counts it
 * per account, per recipient and (SMS) for the installation, in that order everywhere so that
 * concurrent transactions lock the counters in one order. Beyond a limit it throws
 * `too-many-requests` with Retry-After: the caller's transaction rolls back, counts included, and
 * nothing is sent. An SMS to a number the installation does not text is refused too (the
 * entered number was checked before; this is the last line, e.g. after the rules changed).
 */
export async function queueCodeMessage(
  services: Services,
  trx: Kysely<DatabaseSchema>,
  message: CodeMessage,
  now: number,
): Promise<void> {
  const refuse = (reason: SmsRefusal) => {
    if (message.channel === 'sms') services.telemetry?.smsRefused({ reason });
  };
  if (message.channel === 'sms') {
    const checked = checkSmsRecipient(message.recipient, services.config.smsPolicy.allowedCountries);
    if (!checked.ok) {
      refuse(checked.reason);
      throw new AppError('validation-failed', undefined, [
        { path: 'body.mobile', code: checked.reason, message: 'cannot get an SMS from Kontakta' },
      ]);
    }
  }

  const limit = CODE_MESSAGE_LIMITS[message.purpose];
  const counters: Array<{ key: string; max: number; windowMs: number; reason: SmsRefusal }> = [
    {
      key: `account:${message.purpose}:${message.channel}:${'citizenId' in message ? message.citizenId : `staff:${message.staffHsaId}`}`,
      max: limit.perAccount,
      windowMs: limit.windowMs,
      reason: 'account-limit',
    },
    {
      // The recipient is an HMAC here: the table must not become a list of numbers and addresses.
      key: `recipient:${message.purpose}:${lookupHash(services.keys, 'message-limit', message.recipient)}`,
      max: limit.perRecipient,
      windowMs: limit.windowMs,
      reason: 'recipient-limit',
    },
  ];
  if (message.channel === 'sms') {
    counters.push({
      key: 'installation:sms',
      max: services.config.smsPolicy.perMinute,
      windowMs: GLOBAL_SMS_WINDOW_MS,
      reason: 'global-limit',
    });
  }
  for (const counter of counters) {
    const { count, windowStart } = await countMessage(trx, counter.key, now, counter.windowMs);
    if (count > counter.max) {
      refuse(counter.reason);
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + counter.windowMs - now) / 1000));
      throw new AppError('too-many-requests', undefined, undefined, { retryAfterSeconds });
    }
  }

  await enqueueOutboxMessage(
    trx,
    {
      channel: message.channel,
      template: message.purpose,
      recipient: message.recipient,
      language: message.language,
      citizen_id: 'citizenId' in message ? message.citizenId : null,
      errand_id: null,
      parameters: { code: message.code, validMinutes: message.validMinutes },
    },
    now,
  );
  if (message.channel === 'sms') services.telemetry?.smsQueued({ purpose: message.purpose });
}

/**
 * Forgets counters whose window has passed. Outside any sender's transaction (see
 * deletePassedMessageLimits); a few at a time, so the table stays as small as the traffic.
 */
export async function forgetPassedMessageLimits(services: Services, now: number): Promise<void> {
  await deletePassedMessageLimits(services.database.db, now - LONGEST_WINDOW_MS, CLEAN_UP_BATCH);
}
