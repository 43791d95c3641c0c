import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openTaggedPdf } from '../documents/tagged-pdf.ts';
import { type ServerText, serverTexts } from '../i18n/server-texts.ts';
import { CODE_VALID_MS } from './one-time-code.ts';

/** What the password letter says; the address is the registered one from the population register. */
export type PasswordLetter = Readonly<{
  recipient: Readonly<{ name: string; street: string; postalCode: string; city: string }>;
  password: string;
  /** The last digits only, so the citizen recognises the number they gave. */
  maskedMobile: string;
  /** ISO date, Swedish time. */
  date: string;
  loginUrl: string;
}>;

/**
 * Renders the letter: tagged PDF (PDF/UA), reading order = structure order. Swedish, like the
 * population register's address it goes to; the words are in the server's message catalogues.
 */
export async function renderPasswordLetter(
  letter: PasswordLetter,
  text: ServerText = serverTexts('sv'),
): Promise<Buffer> {
  const { doc, done } = await openTaggedPdf({
    Title: text('letter.password-letter.title'),
    Author: 'Kontakta',
    Subject: text('letter.password-letter.subject'),
  });

  const document = doc.struct('Document');
  doc.addStructure(document);
  const paragraph = (text: string, options: { size?: number; gap?: number; bold?: boolean } = {}) => {
    document.add(
      doc.struct('P', {}, () => {
        doc
          .font(options.bold ? 'bold' : 'regular')
          .fontSize(options.size ?? 11)
          .text(text);
      }),
    );
    doc.moveDown(options.gap ?? 0.6);
  };

  // The address block sits where a window envelope shows it.
  const { recipient } = letter;
  paragraph([recipient.name, recipient.street, `${recipient.postalCode}  ${recipient.city}`].join('\n'), { gap: 3 });
  paragraph(letter.date, { gap: 1.5 });
  document.add(
    doc.struct('H1', {}, () => {
      doc.font('bold').fontSize(18).text(text('letter.password-letter.title'));
    }),
  );
  doc.moveDown(0.8);
  paragraph(text('letter.password-letter.intro'));
  document.add(
    doc.struct('P', {}, () => {
      doc.font('mono').fontSize(22).text(letter.password, { characterSpacing: 2 });
    }),
  );
  doc.moveDown(0.8);
  document.add(
    doc.struct('H2', {}, () => {
      doc.font('bold').fontSize(13).text(text('letter.password-letter.how-heading'));
    }),
  );
  doc.moveDown(0.4);
  const steps = [
    text('letter.password-letter.step-address', { loginUrl: letter.loginUrl }),
    text('letter.password-letter.step-password'),
    text('letter.password-letter.step-code', {
      mobileEnd: letter.maskedMobile.slice(-2),
      validMinutes: CODE_VALID_MS / 60_000,
    }),
  ];
  const list = doc.struct('L');
  document.add(list);
  steps.forEach((step, index) => {
    list.add(
      doc.struct('LI', {}, () => {
        doc
          .font('regular')
          .fontSize(11)
          .text(`${index + 1}. ${step}`, { indent: 0 });
      }),
    );
    doc.moveDown(0.3);
  });
  list.end();
  doc.moveDown(0.6);
  paragraph(text('letter.password-letter.first-login'));
  paragraph(text('letter.password-letter.keep-safe'));
  paragraph(text('letter.password-letter.prefer-e-id'));
  paragraph(text('letter.password-letter.not-ordered'), { bold: true });
  document.end();
  doc.end();
  return done;
}

/** Writes the letter where the letter outbox picks it up; the file appears complete or not at all. */
export async function writePasswordLetter(file: string, letter: PasswordLetter): Promise<void> {
  const pdf = await renderPasswordLetter(letter);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  await writeFile(partial, pdf, { mode: 0o600 });
  await rename(partial, file);
}
