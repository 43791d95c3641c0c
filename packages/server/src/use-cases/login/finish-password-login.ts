import { CODE_MAX_WRONG_TRIES, loginCodeContext, oneTimeCodeMatches } from '../../identity/one-time-code.ts';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { markCitizenLoggedIn } from '../../storage/repositories/citizen-login.repository.ts';
import {
  consumeLoginCode,
  countWrongCode,
  deleteExpiredLoginCodes,
  findLoginCode,
} from '../../storage/repositories/login-code.repository.ts';
import {
  activatePasswordCredential,
  findPasswordCredential,
} from '../../storage/repositories/password-credential.repository.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { startSession } from '../sessions/start-session.ts';
import type { SessionTokens } from './login-outcome.ts';
import { clearAccountFailures, countFailure, lockedUntil, throttleKeys } from './login-throttle.ts';
import { recordLoginEvent } from './record-login-event.ts';

export type FinishPasswordLoginResult =
  | Readonly<{ ok: true; session: SessionTokens }>
  | Readonly<{ ok: false; problem: 'code-expired' }>
  | Readonly<{ ok: false; problem: 'invalid-code'; triesLeft: number }>
  | Readonly<{ ok: false; problem: 'throttled'; retryAfterSeconds: number }>;

/**
 * Step two: the code from the SMS, in the browser that gave the password. Valid five minutes,
 * once, and for five wrong tries; then a new code needs the password again. Wrong codes also
 * count as failures for the personnummer and the address. A pending password becomes the
 * account's password here: the code reached the mobile number given at set-up, which proves it.
 */
export async function finishPasswordLogin(
  services: Services,
  input: {
    challengeToken: string | undefined;
    code: string;
    clientAddress: string;
    previousSessionToken: string | undefined;
  },
): Promise<FinishPasswordLoginResult> {
  const now = services.clock();
  const { db } = services.database;
  const event = (result: 'success' | 'failed', reason: string | null, municipality: string | null = null) =>
    recordLoginEvent(services, {
      occurred_at: now,
      audience: 'citizen',
      method: 'password-sms',
      result,
      reason,
      municipality_code: municipality,
    });
  const expired = async () => {
    await event('failed', 'code-expired');
    return { ok: false, problem: 'code-expired' } as const;
  };

  await deleteExpiredLoginCodes(db, now);
  if (!input.challengeToken) return expired();
  const tokenHash = hashSessionToken(input.challengeToken);
  const challenge = await findLoginCode(db, tokenHash);
  const credential = challenge ? await findPasswordCredential(db, challenge.credential_id) : undefined;
  const citizen = credential ? await findCitizenById(db, credential.citizen_id) : undefined;
  if (!challenge || !credential || !citizen) return expired();

  const keys = throttleKeys(services.keys, citizen.personnummer, input.clientAddress);
  const until = await lockedUntil(services.database, keys, now);
  if (until > now) {
    await event('failed', 'throttled');
    return { ok: false, problem: 'throttled', retryAfterSeconds: Math.ceil((until - now) / 1000) };
  }

  if (!oneTimeCodeMatches(services.keys, input.code, loginCodeContext(tokenHash), challenge.code_hash)) {
    const tries = (await countWrongCode(db, tokenHash)) ?? CODE_MAX_WRONG_TRIES;
    await countFailure(services.database, keys, now);
    if (tries >= CODE_MAX_WRONG_TRIES) {
      await consumeLoginCode(db, tokenHash);
      return expired();
    }
    await event('failed', 'invalid-code');
    return { ok: false, problem: 'invalid-code', triesLeft: CODE_MAX_WRONG_TRIES - tries };
  }
  // Only the caller that deletes the code logs in with it.
  if (!(await consumeLoginCode(db, tokenHash))) return expired();

  await db.transaction().execute(async (trx) => {
    if (credential.status === 'pending') {
      await activatePasswordCredential(trx, { id: credential.id, citizenId: citizen.id }, now);
    }
    await markCitizenLoggedIn(trx, citizen.id, now);
  });
  await clearAccountFailures(services.database, keys);
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    { kind: 'citizen', citizenId: citizen.id, loginMethod: 'password-sms' },
    input.previousSessionToken,
  );
  const person = await services.registers.findPerson(citizen.personnummer).catch(() => undefined);
  await event('success', null, person?.municipality.code ?? null);
  return { ok: true, session };
}
