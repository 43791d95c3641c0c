import type { Language } from '@kontakta/domain';
import { parsePersonnummer } from '@kontakta/domain';
import { normalizeLetterPassword } from '../../identity/letter-password.ts';
import { maskMobileNumber } from '../../identity/mobile-number.ts';
import { CODE_VALID_MS, hashOneTimeCode, loginCodeContext, newOneTimeCode } from '../../identity/one-time-code.ts';
import { passwordMatches, verifyAgainstNothing } from '../../identity/password-hashing.ts';
import type { Person } from '../../registers/index.ts';
import {
  findCitizenIdByPersonnummer,
  saveCitizenFromRegister,
} from '../../storage/repositories/citizen-login.repository.ts';
import { replaceLoginCode } from '../../storage/repositories/login-code.repository.ts';
import {
  findPasswordCredentials,
  type PasswordCredentialRow,
} from '../../storage/repositories/password-credential.repository.ts';
import { forgetPassedMessageLimits, queueCodeMessage } from '../messages/queue-code-message.ts';
import type { Services } from '../services.ts';
import { hashSessionToken, newSessionToken } from '../sessions/session-tokens.ts';
import { type CodeMessageRefusal, codeMessageRefusal } from './code-message-refusal.ts';
import { countFailure, lockedUntil, throttleKeys } from './login-throttle.ts';
import { recordLoginEvent } from './record-login-event.ts';

export type StartPasswordLoginResult =
  | Readonly<{ ok: true; challengeToken: string; maskedMobile: string; validSeconds: number }>
  | Readonly<{ ok: false; problem: 'invalid-input'; code: string }>
  | Readonly<{ ok: false; problem: 'throttled'; retryAfterSeconds: number }>
  | Readonly<{ ok: false; problem: 'invalid-credentials' }>
  | Readonly<{ ok: false; problem: 'refused'; reason: 'not-in-population-register' }>
  | CodeMessageRefusal
  | Readonly<{ ok: false; problem: 'unavailable' }>;

// An active password and a pending one (a newer letter) may both be valid; every attempt checks
// two hashes, real or not, so the time taken does not tell whether an account exists.
const HASHES_PER_ATTEMPT = 2;

/**
 * Step one of the password login: personnummer and password. Right: a new six-digit code goes by
 * SMS to the mobile number of that password's set-up, and the browser gets the token the code is
 * bound to. Wrong, or no account: the same answer, and one more failure for the personnummer and
 * the client address (backoff, see login-throttle.policy.ts).
 */
export async function startPasswordLogin(
  services: Services,
  input: { personnummer: string; password: string; clientAddress: string; language: Language },
): Promise<StartPasswordLoginResult> {
  const now = services.clock();
  const { db } = services.database;
  const event = (result: 'success' | 'refused' | 'failed', reason: string | null) =>
    recordLoginEvent(services, {
      occurred_at: now,
      audience: 'citizen',
      method: 'password-sms',
      result,
      reason,
      municipality_code: null,
    });

  const parsed = parsePersonnummer(input.personnummer, new Date(now));
  if (!parsed.ok) return { ok: false, problem: 'invalid-input', code: parsed.reason };
  if (parsed.value.kind === 'samordningsnummer')
    return { ok: false, problem: 'invalid-input', code: 'coordination-number' };
  const personnummer = parsed.value.canonical;

  const keys = throttleKeys(services.keys, personnummer, input.clientAddress);
  const until = await lockedUntil(services.database, keys, now);
  if (until > now) {
    await event('failed', 'throttled');
    return { ok: false, problem: 'throttled', retryAfterSeconds: Math.ceil((until - now) / 1000) };
  }

  const citizenId = await findCitizenIdByPersonnummer(db, personnummer);
  const credentials = citizenId ? await findPasswordCredentials(db, citizenId) : [];
  const candidates = [
    credentials.find((c) => c.status === 'active'),
    credentials.find((c) => c.status === 'pending'),
  ].filter((c): c is PasswordCredentialRow => c !== undefined);
  const typed = normalizeLetterPassword(input.password);
  let matched: PasswordCredentialRow | undefined;
  for (let i = 0; i < HASHES_PER_ATTEMPT; i++) {
    const candidate = candidates[i];
    const ok = candidate ? await passwordMatches(candidate.password_hash, typed) : await verifyAgainstNothing(typed);
    if (ok && !matched) matched = candidate;
  }
  if (!matched || !citizenId) {
    await countFailure(services.database, keys, now);
    await event('failed', 'invalid-credentials');
    return { ok: false, problem: 'invalid-credentials' };
  }

  // The register is asked at every login, and the name refreshed from it.
  let person: Person | undefined;
  try {
    person = await services.registers.findPerson(personnummer);
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  if (!person) {
    await event('refused', 'not-in-population-register');
    return { ok: false, problem: 'refused', reason: 'not-in-population-register' };
  }
  await saveCitizenFromRegister(
    db,
    { personnummer, givenName: person.name.given, familyName: person.name.family },
    now,
    null,
  );

  const code = newOneTimeCode();
  const challengeToken = newSessionToken();
  const tokenHash = hashSessionToken(challengeToken);
  const credential = matched;
  await forgetPassedMessageLimits(services, now);
  try {
    await db.transaction().execute(async (trx) => {
      await replaceLoginCode(trx, {
        token_hash: tokenHash,
        credential_id: credential.id,
        code_hash: hashOneTimeCode(services.keys, code, loginCodeContext(tokenHash)),
        failed_tries: 0,
        resends: 0,
        created_at: now,
        expires_at: now + CODE_VALID_MS,
      });
      // Every right password sends an SMS, so the limits per account, number and installation
      // are what stops a script that has one password from texting without end.
      await queueCodeMessage(
        services,
        trx,
        {
          purpose: 'login-code',
          channel: 'sms',
          citizenId,
          recipient: credential.mobile,
          language: input.language,
          code,
          validMinutes: CODE_VALID_MS / 60_000,
        },
        now,
      );
    });
  } catch (error) {
    const refusal = codeMessageRefusal(error);
    if (!refusal) throw error;
    if (refusal.problem === 'throttled') await event('failed', 'sms-limit');
    else await event('refused', 'sms-not-allowed');
    return refusal;
  }
  return {
    ok: true,
    challengeToken,
    maskedMobile: maskMobileNumber(credential.mobile),
    validSeconds: CODE_VALID_MS / 1000,
  };
}
