import type { Language } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { contactCodeContext, hashOneTimeCode, newOneTimeCode } from '../../identity/one-time-code.ts';
import { replaceContactVerification } from '../../storage/repositories/citizen-contact.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { queueCodeMessage } from '../messages/queue-code-message.ts';
import type { UseCaseContext } from '../services.ts';

/** How long a code sent to confirm an address works. */
export const VERIFICATION_VALID_MS = 15 * 60_000;

/**
 * A new code to confirm an address: it replaces any earlier one (which stops working) and goes
 * out as a message in the caller's transaction, counted against the code-message limits.
 */
export async function sendContactCode(
  ctx: UseCaseContext,
  trx: Kysely<DatabaseSchema>,
  to: { citizenId: string; channel: 'email' | 'mobile'; address: string; language: Language },
): Promise<void> {
  const { citizenId, channel, address, language } = to;
  const code = newOneTimeCode();
  await replaceContactVerification(trx, {
    citizen_id: citizenId,
    channel,
    address,
    code_hash: hashOneTimeCode(ctx.keys, code, contactCodeContext(citizenId, channel, address)),
    expires_at: ctx.now + VERIFICATION_VALID_MS,
    attempts: 0,
  });
  await queueCodeMessage(
    ctx,
    trx,
    {
      purpose: 'contact-verification',
      channel: channel === 'email' ? 'email' : 'sms',
      citizenId,
      recipient: address,
      language,
      code,
      validMinutes: VERIFICATION_VALID_MS / 60_000,
    },
    ctx.now,
  );
}
