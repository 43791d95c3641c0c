import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openTaggedPdf } from '../documents/tagged-pdf.ts';

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

/** Renders the letter: tagged PDF (PDF/UA), Swedish, reading order = structure order. */
export async function renderPasswordLetter(letter: PasswordLetter): Promise<Buffer> {
  const { doc, done } = openTaggedPdf({
    Title: 'Ditt lösenord till Kontakta',
    Author: 'Kontakta',
    Subject: 'Lösenordsbrev',
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
      doc.font('bold').fontSize(18).text('Ditt lösenord till Kontakta');
    }),
  );
  doc.moveDown(0.8);
  paragraph('Du har beställt ett konto för att logga in i Kontakta med lösenord och engångskod. Ditt lösenord är:');
  document.add(
    doc.struct('P', {}, () => {
      doc.font('mono').fontSize(22).text(letter.password, { characterSpacing: 2 });
    }),
  );
  doc.moveDown(0.8);
  document.add(
    doc.struct('H2', {}, () => {
      doc.font('bold').fontSize(13).text('Så loggar du in');
    }),
  );
  doc.moveDown(0.4);
  const steps = [
    `Gå till ${letter.loginUrl} och välj att logga in med lösenord.`,
    'Skriv ditt personnummer och lösenordet ovan. Det spelar ingen roll om du skriver med stora eller små bokstäver.',
    `Vi skickar en engångskod med sms till mobilnumret du angav (det slutar på ${letter.maskedMobile.slice(-2)}). Skriv in koden inom 5 minuter.`,
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
  paragraph(
    'Första gången du loggar in bekräftar engångskoden att mobilnumret är ditt. Först då börjar lösenordet gälla, och ett tidigare lösenord slutar gälla.',
  );
  paragraph(
    'Spara brevet på ett säkert ställe eller förstör det när du har loggat in. Ingen från vården frågar någonsin efter ditt lösenord eller din kod.',
  );
  paragraph(
    'Inloggning med e-legitimation (till exempel BankID eller Freja+) är säkrare än lösenord och sms. Har du e-legitimation, använd den hellre.',
  );
  paragraph('Har du inte beställt brevet? Då kan du bortse från det. Utan brevet kan ingen använda lösenordet.', {
    bold: true,
  });
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
