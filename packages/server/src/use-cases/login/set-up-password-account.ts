import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parsePersonnummer, stockholmDate } from '@kontakta/domain';
import { newLetterPassword, normalizeLetterPassword } from '../../identity/letter-password.ts';
import { maskMobileNumber, normalizeMobileNumber } from '../../identity/mobile-number.ts';
import { hashPassword, verifyAgainstNothing } from '../../identity/password-hashing.ts';
import { writePasswordLetter } from '../../identity/password-letter.pdf.ts';
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
  | Readonly<{ ok: true; outcome: 'letter-sent' | 'use-eid' }>
  | Readonly<{ ok: false; problem: 'invalid-input'; field: 'personnummer' | 'mobile'; code: string }>
  | Readonly<{ ok: false; problem: 'unavailable' }>;

/**
 * "Set up account": a new password goes by post to the address the population register has,
 * never to one the caller names. The password stays pending, beside any earlier one, until the
 * first login with it has also proven the mobile number given here (see finishPasswordLogin).
 * The answer is the same whether or not the register knows the personnummer, except that the
 * product requires telling people whose mail is forwarded to use e-ID instead.
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
  const mobile = normalizeMobileNumber(input.mobile);
  if (!mobile) return { ok: false, problem: 'invalid-input', field: 'mobile', code: 'not-a-mobile-number' };

  let person: Person | undefined;
  try {
    person = await services.registers.findPerson(parsed.value.canonical);
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  if (!person) {
    // As long as a real set-up takes, so the answer does not tell who is in the register.
    await verifyAgainstNothing(input.personnummer);
    return { ok: true, outcome: 'letter-sent' };
  }
  if (person.mailForwarding) return { ok: true, outcome: 'use-eid' };

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
  if (recent) return { ok: true, outcome: 'letter-sent' };

  const password = newLetterPassword();
  const credentialId = randomUUID();
  const pdfPath = path.join(services.config.dataDir, 'letters', `${credentialId}.pdf`);
  await writePasswordLetter(pdfPath, {
    recipient: {
      name: `${person.name.given} ${person.name.family}`,
      street: person.address.street,
      postalCode: person.address.postalCode,
      city: person.address.city,
    },
    password,
    maskedMobile: maskMobileNumber(mobile),
    date: stockholmDate(new Date(now)),
    loginUrl: `${services.config.publicUrl}/`,
  });
  const passwordHash = await hashPassword(normalizeLetterPassword(password));
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
  return { ok: true, outcome: 'letter-sent' };
}
