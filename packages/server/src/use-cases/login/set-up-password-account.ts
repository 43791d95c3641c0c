import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parsePersonnummer, stockholmDate } from '@kontakta/domain';
import { newLetterPassword, normalizeLetterPassword } from '../../identity/letter-password.ts';
import { checkMobileNumber, maskMobileNumber } from '../../identity/mobile-number.ts';
import { hashPassword } from '../../identity/password-hashing.ts';
import { type PasswordLetter, renderPasswordLetter, writePasswordLetter } from '../../identity/password-letter.pdf.ts';
import type { Person } from '../../registers/index.ts';
import { saveCitizenFromRegister } from '../../storage/repositories/citizen-login.repository.ts';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import {
  deletePendingPasswordCredentials,
  findPasswordCredentials,
  insertPasswordCredential,
} from '../../storage/repositories/password-credential.repository.ts';
import type { Services } from '../services.ts';

/** A letter costs postage and lands in someone's letterbox: one per person and day at most. */
export const LETTER_INTERVAL_MS = 24 * 60 * 60_000;

export type SetUpAccountResult =
  | Readonly<{ ok: true; outcome: 'letter-sent' }>
  | Readonly<{ ok: false; problem: 'invalid-input'; field: 'personnummer' | 'mobile'; code: string }>
  | Readonly<{ ok: false; problem: 'unavailable' }>;

/**
 * "Set up account": a new password goes by post to the address the population register has,
 * never to one the caller names. The password stays pending, beside any earlier one, until the
 * first login with it has also proven the mobile number given here (see finishPasswordLogin).
 *
 * The answer is the same, after the same work (an argon2 hash and a rendered letter), whether
 * the register does not know the personnummer, forwards the person's mail (no letter then: it
 * would not reach them at the registered address; the page tells everyone that forwarded mail
 * means e-ID), got a letter today already, or gets one now. Anyone may type anyone's
 * personnummer here, so the answer must not tell any of that.
 */
export async function setUpPasswordAccount(
  services: Services,
  input: { personnummer: string; mobile: string },
): Promise<SetUpAccountResult> {
  const now = services.clock();
  const parsed = parsePersonnummer(input.personnummer, new Date(now));
  if (!parsed.ok) return { ok: false, problem: 'invalid-input', field: 'personnummer', code: parsed.reason };
  if (parsed.value.kind === 'samordningsnummer') {
    return { ok: false, problem: 'invalid-input', field: 'personnummer', code: 'coordination-number' };
  }
  const checked = checkMobileNumber(input.mobile, services.config.smsPolicy.allowedCountries);
  if (!checked.ok) {
    if (checked.reason !== 'not-a-phone-number') services.telemetry?.smsRefused({ reason: checked.reason });
    const code = checked.reason === 'country-not-allowed' ? 'country-not-allowed' : 'not-a-mobile-number';
    return { ok: false, problem: 'invalid-input', field: 'mobile', code };
  }
  const mobile = checked.e164;

  let person: Person | undefined;
  try {
    person = await services.registers.findPerson(parsed.value.canonical);
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  const sent = { ok: true, outcome: 'letter-sent' } as const;
  const password = newLetterPassword();
  const passwordHash = await hashPassword(normalizeLetterPassword(password));
  const letter: PasswordLetter = {
    recipient: person
      ? {
          name: `${person.name.given} ${person.name.family}`,
          street: person.address.street,
          postalCode: person.address.postalCode,
          city: person.address.city,
        }
      : { name: 'Förnamn Efternamn', street: 'Gatan 1', postalCode: '123 45', city: 'Orten' },
    password,
    maskedMobile: maskMobileNumber(mobile),
    date: stockholmDate(new Date(now)),
    loginUrl: `${services.config.publicUrl}/`,
  };
  // No letter, but the same work, so that the time taken does not tell why.
  const answerWithoutLetter = async () => {
    await renderPasswordLetter(letter);
    return sent;
  };
  if (!person || person.mailForwarding) return answerWithoutLetter();

  const { db } = services.database;
  const citizenId = await saveCitizenFromRegister(
    db,
    { personnummer: person.personnummer, givenName: person.name.given, familyName: person.name.family },
    now,
    null,
  );
  const recent = (await findPasswordCredentials(db, citizenId)).find(
    (c) => c.status === 'pending' && c.created_at > now - LETTER_INTERVAL_MS,
  );
  if (recent) return answerWithoutLetter();

  const credentialId = randomUUID();
  const pdfPath = path.join(services.config.dataDir, 'letters', `${credentialId}.pdf`);
  await writePasswordLetter(pdfPath, letter);
  const saved = db.transaction().execute(async (trx) => {
    await deletePendingPasswordCredentials(trx, citizenId);
    await insertPasswordCredential(trx, {
      id: credentialId,
      citizen_id: citizenId,
      password_hash: passwordHash,
      mobile,
      status: 'pending',
      terms_accepted_at: now,
      created_at: now,
      activated_at: null,
    });
    await enqueueOutboxMessage(
      trx,
      {
        channel: 'letter',
        template: 'password-letter',
        recipient: citizenId,
        language: 'sv',
        citizen_id: citizenId,
        errand_id: null,
        parameters: { pdfPath },
      },
      now,
    );
  });
  // A letter whose credential was never stored must not be printed.
  await saved.catch(async (error: unknown) => {
    await rm(pdfPath, { force: true });
    throw error;
  });
  return sent;
}
