import type { Language } from '@kontakta/domain';
import { maskMobileNumber } from '../../identity/mobile-number.ts';
import {
  CODE_MAX_RESENDS,
  CODE_RESEND_INTERVAL_MS,
  CODE_VALID_MS,
  hashOneTimeCode,
  loginCodeContext,
  newOneTimeCode,
} from '../../identity/one-time-code.ts';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { findLoginCode, renewLoginCode } from '../../storage/repositories/login-code.repository.ts';
import { findPasswordCredential } from '../../storage/repositories/password-credential.repository.ts';
import { forgetPassedMessageLimits, queueCodeMessage } from '../messages/queue-code-message.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { type CodeMessageRefusal, codeMessageRefusal } from './code-message-refusal.ts';
import { lockedUntil, throttleKeys } from './login-throttle.ts';

export type ResendLoginCodeResult =
  | Readonly<{ ok: true; challengeToken: string; maskedMobile: string; validSeconds: number; resendsLeft: number }>
  | Readonly<{ ok: false; problem: 'code-expired' }>
  | Readonly<{ ok: false; problem: 'too-soon'; retryAfterSeconds: number }>
  | Readonly<{ ok: false; problem: 'limit-reached' }>
  | CodeMessageRefusal;

/**
 * "Send a new code" on the code step of the password login (the SMS did not arrive, or came too
 * late). Only for a pending login in the browser that gave the password: the new code replaces
 * the old one (which stops working), is valid five minutes and goes by SMS through the outbox
 * like the first. At most CODE_MAX_RESENDS per login, CODE_RESEND_INTERVAL_MS apart, so that the
 * button cannot flood the citizen's phone; more needs the password again. A login that is gone
 * (unknown, expired, used, or its wrong tries spent) answers as the code step does: code-expired.
 */
export async function resendLoginCode(
  services: Services,
  input: { challengeToken: string | undefined; clientAddress: string; language: Language },
): Promise<ResendLoginCodeResult> {
  const now = services.clock();
  const { db } = services.database;
  const gone = { ok: false, problem: 'code-expired' } as const;
  const { challengeToken } = input;
  if (!challengeToken) return gone;
  const tokenHash = hashSessionToken(challengeToken);
  const challenge = await findLoginCode(db, tokenHash);
  if (!challenge || challenge.expires_at <= now) return gone;
  const credential = await findPasswordCredential(db, challenge.credential_id);
  const citizen = credential ? await findCitizenById(db, credential.citizen_id) : undefined;
  if (!credential || !citizen) return gone;

  // A locked account gets no more SMS either (the lock came from wrong codes or passwords).
  const until = await lockedUntil(
    services.database,
    throttleKeys(services.keys, citizen.personnummer, input.clientAddress),
    now,
  );
  if (until > now) return { ok: false, problem: 'throttled', retryAfterSeconds: Math.ceil((until - now) / 1000) };

  const code = newOneTimeCode();
  await forgetPassedMessageLimits(services, now);
  let renewed: boolean;
  try {
    renewed = await db.transaction().execute(async (trx) => {
      const changed = await renewLoginCode(
        trx,
        tokenHash,
        {
          code_hash: hashOneTimeCode(services.keys, code, loginCodeContext(tokenHash)),
          created_at: now,
          expires_at: now + CODE_VALID_MS,
        },
        { maxResends: CODE_MAX_RESENDS, sentAtOrBefore: now - CODE_RESEND_INTERVAL_MS },
      );
      if (!changed) return false;
      await queueCodeMessage(
        services,
        trx,
        {
          purpose: 'login-code',
          channel: 'sms',
          citizenId: citizen.id,
          recipient: credential.mobile,
          language: input.language,
          code,
          validMinutes: CODE_VALID_MS / 60_000,
        },
        now,
      );
      return true;
    });
  } catch (error) {
    const refusal = codeMessageRefusal(error);
    if (!refusal) throw error;
    return refusal;
  }
  if (renewed) {
    return {
      ok: true,
      challengeToken,
      maskedMobile: maskMobileNumber(credential.mobile),
      validSeconds: CODE_VALID_MS / 1000,
      resendsLeft: CODE_MAX_RESENDS - challenge.resends - 1,
    };
  }

  // Nothing changed: read the login again to say why (it may have been used or resent meanwhile).
  const current = await findLoginCode(db, tokenHash);
  if (!current || current.expires_at <= now) return gone;
  if (current.resends >= CODE_MAX_RESENDS) return { ok: false, problem: 'limit-reached' };
  const waitMs = current.created_at + CODE_RESEND_INTERVAL_MS - now;
  return { ok: false, problem: 'too-soon', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
