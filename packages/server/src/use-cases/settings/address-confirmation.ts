import type { Language } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  CODE_MAX_WRONG_TRIES,
  hashOneTimeCode,
  newOneTimeCode,
  oneTimeCodeMatches,
} from '../../identity/one-time-code.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { queueCodeMessage } from '../messages/queue-code-message.ts';
import type { Services } from '../services.ts';

// The one way an address is confirmed: a code from the operating system's CSPRNG is sent to it,
// stored only as a keyed hash bound to whose address it is, valid 15 minutes and for
// CODE_MAX_WRONG_TRIES wrong tries, counted against the code-message limits. Used for a citizen's
// notification addresses and for a caregiver's assignment e-mail address; each keeps its waiting
// code in its own table (`Owner.store`).

/** How long a code sent to confirm an address works. */
export const VERIFICATION_VALID_MS = 15 * 60_000;

export type PendingCode = Readonly<{ address: string; code_hash: string; expires_at: number; attempts: number }>;

/** Whose address is being confirmed: where their waiting code is kept, and what binds the code to them. */
export type Owner = Readonly<{
  /** Counted against the code-message limits, and (a citizen) named on the outbox row. */
  account: { citizenId: string } | { staffHsaId: string };
  /** The code's context (identity/one-time-code.ts) for an address. */
  context: (address: string) => string;
  store: Readonly<{
    replace: (trx: Kysely<DatabaseSchema>, pending: PendingCode) => Promise<void>;
    find: (trx: Kysely<DatabaseSchema>) => Promise<PendingCode | undefined>;
    countWrongTry: (trx: Kysely<DatabaseSchema>) => Promise<void>;
    remove: (trx: Kysely<DatabaseSchema>) => Promise<void>;
  }>;
}>;

/**
 * A new code to confirm an address: it replaces any earlier one (which stops working) and goes
 * out as a message in the caller's transaction, counted against the code-message limits.
 */
export async function sendConfirmationCode(
  ctx: Services & Readonly<{ now: number }>,
  trx: Kysely<DatabaseSchema>,
  owner: Owner,
  to: Readonly<{ channel: 'email' | 'mobile'; address: string; language: Language }>,
): Promise<void> {
  const code = newOneTimeCode();
  await owner.store.replace(trx, {
    address: to.address,
    code_hash: hashOneTimeCode(ctx.keys, code, owner.context(to.address)),
    expires_at: ctx.now + VERIFICATION_VALID_MS,
    attempts: 0,
  });
  await queueCodeMessage(
    ctx,
    trx,
    {
      purpose: 'contact-verification',
      channel: to.channel === 'email' ? 'email' : 'sms',
      ...owner.account,
      recipient: to.address,
      language: to.language,
      code,
      validMinutes: VERIFICATION_VALID_MS / 60_000,
    },
    ctx.now,
  );
}

/** What an entered code turned out to be: the address it confirms, or why not. */
export type CodeCheck = { ok: true; address: string } | { ok: false; reason: 'none' | 'expired' | 'wrong' };

/**
 * Checks an entered code in the caller's transaction. A wrong one is counted and an expired (or
 * used-up) one forgotten; the caller commits that and then refuses (`refusalOf`), so the count
 * survives the refusal. On success the caller applies the address and removes the code.
 */
export async function checkConfirmationCode(
  ctx: Services & Readonly<{ now: number }>,
  trx: Kysely<DatabaseSchema>,
  owner: Owner,
  code: string,
): Promise<CodeCheck> {
  const pending = await owner.store.find(trx);
  if (!pending) return { ok: false, reason: 'none' };
  if (pending.expires_at <= ctx.now || pending.attempts >= CODE_MAX_WRONG_TRIES) {
    await owner.store.remove(trx);
    return { ok: false, reason: 'expired' };
  }
  if (!oneTimeCodeMatches(ctx.keys, code.trim(), owner.context(pending.address), pending.code_hash)) {
    await owner.store.countWrongTry(trx);
    return { ok: false, reason: 'wrong' };
  }
  return { ok: true, address: pending.address };
}

/** The refusal for a code that did not confirm: 409 none waiting, 401 expired or wrong (as a login code). */
export function refusalOf(reason: 'none' | 'expired' | 'wrong'): AppError {
  if (reason === 'none') return new AppError('conflict', 'no-code-pending');
  if (reason === 'expired') return new AppError('code-expired');
  return new AppError('invalid-code');
}
