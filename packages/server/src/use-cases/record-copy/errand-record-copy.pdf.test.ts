import { describe, expect, it } from 'vitest';
import { answerLines, answerText } from './answer-lines.ts';
import { renderErrandRecordPdf } from './errand-record-copy.pdf.ts';
import { recordCopyFileName } from './errand-record-copy.ts';
import { readPdf } from './pdf-reader.test-support.ts';
import { sampleRecordCopy } from './record-copy.test-support.ts';
import { recordWords } from './record-copy-texts.ts';

describe('the record copy as a PDF', () => {
  it('is a tagged Swedish PDF with a title, a heading per section and the errand in words', async () => {
    const pdf = readPdf(await renderErrandRecordPdf(sampleRecordCopy()));
    expect(pdf.wellFormed).toBe(true);
    expect(pdf.catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(pdf.catalogEntry('MarkInfo')).toMatch(/\/Marked true/);
    expect(pdf.catalog).toContain('/Lang (sv-SE)');
    expect(pdf.catalogEntry('ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.info.Title).toBe('Kopia av ärende till journalen: Förnya recept');
    const lines = pdf.text.split('\n');
    // Section headings in order, each a line of its own.
    const order = ['Ärende', 'Frågor och svar', 'Meddelanden', 'Händelser'].map((h) => lines.indexOf(h));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const expected of [
      'Utskriven 2026-07-01 13:30 av Karin Berg',
      'Invånare: Lisa Lindqvist',
      'Personnummer: 20150102-2383',
      'Skickat av: Anna Lindqvist (vårdnadshavare, ombud)',
      'Mottagning: Vårdcentralen Ekbacken (HSA-id SE2321000016-A1B2)',
      // 08:30 UTC in July is 10:30 in Stockholm.
      'Skickat: 2026-07-01 10:30',
      'Läkemedel 2',
      'Läkemedlets namn: Alvedon',
      'Apotek: Närmaste apotek',
      'Brådskande: Nej',
      'Svar från mottagningen, 2026-07-01 11:30',
      'Från: Maria Ek, sjuksköterska',
      'Vi har ringt dig och förnyat receptet.',
      '2026-07-01 10:31: Fördelat till Maria Ek (Karin Berg, mottagare)',
      '2026-07-01 10:30: Skickat (Anna Lindqvist för Lisa Lindqvist)',
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it('is written in English for a staff member whose language is English', async () => {
    const sample = sampleRecordCopy();
    const copy = {
      ...sample,
      language: 'en' as const,
      errand: { ...sample.errand, errandType: { ...sample.errand.errandType, name: 'Renew a prescription' } },
    };
    const pdf = readPdf(await renderErrandRecordPdf(copy));
    expect(pdf.wellFormed).toBe(true);
    expect(pdf.catalog).toContain('/Lang (en-GB)');
    expect(pdf.info.Title).toBe('Copy of an errand for the medical record: Renew a prescription');
    const lines = pdf.text.split('\n');
    const order = ['Errand', 'Questions and answers', 'Messages', 'History'].map((h) => lines.indexOf(h));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const expected of [
      'Printed 2026-07-01 13:30 by Karin Berg',
      'Citizen: Lisa Lindqvist',
      'Personal identity number: 20150102-2383',
      'Sent by: Anna Lindqvist (guardian, proxy)',
      'Unit: Vårdcentralen Ekbacken (HSA id SE2321000016-A1B2)',
      'Sent: 2026-07-01 10:30',
      'Medicine 2',
      'Name: Alvedon',
      'Pharmacy: Nearest pharmacy',
      'Urgent: No',
      'Answer from the unit, 2026-07-01 11:30',
      'Vi har ringt dig och förnyat receptet.',
      '2026-07-01 10:31: Routed to Maria Ek (Karin Berg, receiver)',
      '2026-07-01 10:30: Sent (Anna Lindqvist for Lisa Lindqvist)',
    ]) {
      expect(pdf.text).toContain(expected);
    }
    for (const swedish of ['Invånare', 'Händelser', 'Fördelat', 'Brådskande', 'vårdnadshavare']) {
      expect(pdf.text).not.toContain(swedish);
    }
  });

  it('keeps a long thread readable over several pages', async () => {
    const copy = sampleRecordCopy();
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...copy.messages[1],
      id: `m${i + 10}`,
      answers: { message: `Meddelande nummer ${i + 1}. ${'Text som fyller sidan. '.repeat(8)}` },
    })) as typeof copy.messages;
    const pdf = readPdf(await renderErrandRecordPdf({ ...copy, messages: [...copy.messages, ...many] }));
    expect(pdf.wellFormed).toBe(true);
    const pages = [...pdf.objects.values()].filter((object) => /\/Type \/Page\b/.test(object.dict));
    expect(pages.length).toBeGreaterThan(3);
    expect(pdf.text).toContain('Meddelande nummer 60.');
    expect(pdf.text).toContain('Händelser');
  });

  it('names the file by errand type and date, never by the person', () => {
    const name = recordCopyFileName(sampleRecordCopy(), 'pdf');
    expect(name).toBe('kontakta-renew-prescription-3f0c2a8e-2026-07-01.pdf');
    expect(name).not.toContain('201501022383');
  });
});

describe('answers as lines', () => {
  it('reads answers back from the form: groups numbered, choices by label, yes/no in Swedish', () => {
    const { messages } = sampleRecordCopy();
    const submission = messages[0];
    if (!submission) throw new Error('no submission');
    expect(answerText(answerLines(submission.form, submission.answers))).toBe(
      [
        'Läkemedel',
        '  Läkemedel 1',
        '    Läkemedlets namn: Levaxin',
        '  Läkemedel 2',
        '    Läkemedlets namn: Alvedon',
        'Apotek: Närmaste apotek',
        'Brådskande: Nej',
      ].join('\n'),
    );
    expect(answerLines(null, { message: 'Tack!' })).toEqual([{ label: 'Meddelande', value: 'Tack!', depth: 0 }]);
    expect(answerLines(null, {})).toEqual([]);
  });

  it('reads them back in English for an English copy, Swedish where a form has no English', () => {
    const { messages } = sampleRecordCopy();
    const submission = messages[0];
    if (!submission) throw new Error('no submission');
    expect(answerText(answerLines(submission.form, submission.answers, recordWords('en')))).toBe(
      [
        'Medicines',
        '  Medicine 1',
        '    Name: Levaxin',
        '  Medicine 2',
        '    Name: Alvedon',
        'Pharmacy: Nearest pharmacy',
        'Urgent: No',
      ].join('\n'),
    );
    expect(answerLines(null, { message: 'Thanks!' }, recordWords('en'))).toEqual([
      { label: 'Message', value: 'Thanks!', depth: 0 },
    ]);
    const swedishOnly = {
      formatVersion: 1,
      fields: [{ kind: 'yes-no', key: 'fever', label: { sv: 'Feber', en: '' } }],
    } as unknown as Parameters<typeof answerLines>[0];
    expect(answerLines(swedishOnly, { fever: true }, recordWords('en'))).toEqual([
      { label: 'Feber', value: 'Yes', depth: 0 },
    ]);
  });
});
