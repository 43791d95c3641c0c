import type { Language } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { contactCodeContext } from '../../identity/one-time-code.ts';
import {
  countVerificationAttempt,
  deleteContactVerification,
  findContactVerification,
  replaceContactVerification,
} from '../../storage/repositories/citizen-contact.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import type { UseCaseContext } from '../services.ts';
import { type Owner, sendConfirmationCode } from './address-confirmation.ts';

export { VERIFICATION_VALID_MS } from './address-confirmation.ts';

/** A citizen's address on one channel, for the one confirmation mechanism (address-confirmation.ts). */
export function citizenAddressOwner(citizenId: string, channel: 'email' | 'mobile'): Owner {
  return {
    account: { citizenId },
    context: (address) => contactCodeContext(citizenId, channel, address),
    store: {
      replace: (trx, pending) => replaceContactVerification(trx, { citizen_id: citizenId, channel, ...pending }),
      find: (trx) => findContactVerification(trx, citizenId, channel),
      countWrongTry: (trx) => countVerificationAttempt(trx, citizenId, channel),
      remove: (trx) => deleteContactVerification(trx, citizenId, channel),
    },
  };
}

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
  await sendConfirmationCode(ctx, trx, citizenAddressOwner(citizenId, channel), { channel, address, language });
}
