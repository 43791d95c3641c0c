import { describe, expect, it } from 'vitest';
import { answerLines, answerText } from './answer-lines.ts';
import { renderErrandRecordPdf } from './errand-record-copy.pdf.ts';
import { recordCopyFileName } from './errand-record-copy.ts';
import { readPdf } from './pdf-reader.test-support.ts';
import { sampleRecordCopy } from './record-copy.test-support.ts';

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
});
