import { createIntl, type OnErrorFn } from '@formatjs/intl';
import { STATISTICS_TABLES, type StatisticsTable } from '@kontakta/contract';
import {
  ANSWER_MESSAGE_IDS,
  DEFINITION_MESSAGE_IDS,
  type FormDefinition,
  LANGUAGES,
  numbersBeforeNouns,
  pseudoCatalogue,
} from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import { errandRecordToBundle } from '../fhir/errand-record-bundle.mapper.ts';
import { problemTitle, STATUS_OF } from '../http/problem.ts';
import { renderPasswordLetter } from '../identity/password-letter.pdf.ts';
import type { OutgoingMessage } from '../notifications/notification.types.ts';
import { loginLinks, renderMessage } from '../notifications/templates/render-message.ts';
import { LETTER_DESCRIPTIONS, TEMPLATE_TEXTS } from '../notifications/templates/template-texts.ts';
import { INBOX_MESSAGE_TEMPLATES, renderInboxMessage } from '../use-cases/inbox-messages/inbox-message-texts.ts';
import { answerLines, answerText } from '../use-cases/record-copy/answer-lines.ts';
import { renderErrandRecordPdf } from '../use-cases/record-copy/errand-record-copy.pdf.ts';
import { readPdf } from '../use-cases/record-copy/pdf-reader.test-support.ts';
import { sampleRecordCopy } from '../use-cases/record-copy/record-copy.test-support.ts';
import {
  EVENT_TEXT,
  MESSAGE_KIND_TEXT,
  ROLE_TEXT,
  recordWords,
  STATUS_TEXT,
  WEEKDAY_TEXT,
} from '../use-cases/record-copy/record-copy-texts.ts';
import { statisticsCsv } from '../use-cases/statistics/export-statistics-csv.ts';
import {
  ageBucketLabel,
  allLabel,
  answerBucketLabel,
  answerDayBucketLabel,
  loginMethodLabel,
  NOTIFICATION_KEYS,
  notificationLabel,
  periodLabel,
  staffLoginMethodLabel,
  unknownPlaceLabel,
} from '../use-cases/statistics/statistics-labels.ts';
import { SERVER_CATALOGUES, type ServerCatalogue, type ServerMessageId, serverTexts } from './server-texts.ts';

const swedishIds = Object.keys(SERVER_CATALOGUES.sv).sort();

/** The names of the ICU arguments a message uses ({url}, {validMinutes, plural, …}), sorted. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural; 0 literal, 7 '#', 8 tag.
      if (element.type >= 1 && element.type <= 6 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  // Parsing is what IntlMessageFormat does first: a syntax error throws here.
  walk(createIntl({ locale }).formatters.getMessageFormat(message, locale).getAst() as Element[]);
  return [...names].sort();
}

describe('server message catalogues', () => {
  it.each(LANGUAGES)('%s has exactly the Swedish ids', (language) => {
    expect(Object.keys(SERVER_CATALOGUES[language]).sort()).toEqual(swedishIds);
  });

  it.each(LANGUAGES)('every %s message parses, is trimmed and uses the Swedish placeholders', (language) => {
    for (const [id, message] of Object.entries<string>(SERVER_CATALOGUES[language])) {
      expect(message.trim(), id).not.toBe('');
      expect(message, id).toBe(message.trim());
      expect(argumentsOf(message, language), id).toEqual(
        argumentsOf(SERVER_CATALOGUES.sv[id as ServerMessageId], 'sv'),
      );
    }
  });

  it.each(LANGUAGES)('%s puts no number straight before a noun ("1 minuter")', (language) => {
    const offending = Object.entries<string>(SERVER_CATALOGUES[language]).flatMap(([id, message]) =>
      numbersBeforeNouns(message).map((place) => `${id}: ${place}`),
    );
    expect(offending).toEqual([]);
  });

  it('says "1 minut" and "5 minuter", in both languages', () => {
    expect(serverTexts('sv')('sms.login-code', { code: '123456', validMinutes: 1 })).toContain('gäller i 1 minut.');
    expect(serverTexts('sv')('sms.login-code', { code: '123456', validMinutes: 5 })).toContain('gäller i 5 minuter.');
    expect(serverTexts('en')('sms.login-code', { code: '123456', validMinutes: 1 })).toContain('valid for 1 minute.');
    expect(serverTexts('en')('sms.login-code', { code: '123456', validMinutes: 5 })).toContain('valid for 5 minutes.');
  });

  it('writes Swedish for a language without a catalogue, and Swedish for an id a catalogue lacks', () => {
    expect(serverTexts('fi')('problem.not-found')).toBe('Sidan eller uppgiften finns inte');
    expect(serverTexts('toString')('problem.forbidden')).toBe('Du har inte behörighet');
    const { 'problem.forbidden': _dropped, ...incomplete } = SERVER_CATALOGUES.en;
    const missing: string[] = [];
    const text = serverTexts('en', {
      catalogues: { ...SERVER_CATALOGUES, en: incomplete as ServerCatalogue },
      onError: (error) => missing.push(error.code),
    });
    expect(text('problem.forbidden')).toBe('Du har inte behörighet');
    expect(text('problem.not-found')).toBe('Not found');
    expect(missing).toEqual(['MISSING_TRANSLATION']);
  });
});

describe('every server text in a pseudo-locale', () => {
  it('renders every notification, letter, inbox message, problem title, field error and record copy with no key missing, and uses every key', async () => {
    const pseudo = pseudoCatalogue(SERVER_CATALOGUES.sv);
    const errors: string[] = [];
    const onError: OnErrorFn = (error) => errors.push(`${error.code}: ${error.message}`);
    const used = new Set<string>();
    const textsFor = (language: string) => {
      const text = serverTexts(language, { catalogues: { sv: pseudo, en: pseudo }, onError });
      return (id: ServerMessageId, values?: Readonly<Record<string, string | number>>) => {
        used.add(id);
        return text(id, values);
      };
    };
    const outputs: string[] = [];

    for (const language of LANGUAGES) {
      const channels = Object.entries(TEMPLATE_TEXTS).flatMap(([template, texts]) => [
        ...(texts.email ? [[template, 'email'] as const] : []),
        ...(texts.sms ? [[template, 'sms'] as const] : []),
      ]);
      const letters = Object.keys(LETTER_DESCRIPTIONS).map((template) => [template, 'letter'] as const);
      for (const [template, channel] of [...channels, ...letters]) {
        const message: OutgoingMessage = {
          id: 'id-1',
          channel,
          template,
          recipient: 'x',
          language,
          parameters: { code: '123456', validMinutes: 5 },
        };
        const result = renderMessage(message, loginLinks('https://kontakta.region.se', true), textsFor);
        if (!result.ok) throw new Error(result.reason);
        outputs.push(result.message.subject ?? '', result.message.text);
      }
      for (const code of Object.keys(STATUS_OF) as (keyof typeof STATUS_OF)[]) {
        outputs.push(problemTitle(code, textsFor(language)));
      }
      for (const template of INBOX_MESSAGE_TEMPLATES) {
        const values = {
          endDate: '2027-06-01',
          ageLimit: 13,
          errandTypeName: { sv: 'Förnya recept', en: 'Renew a prescription' },
          unitName: 'Vårdcentralen Solgläntan',
          coverUnitName: 'Vårdcentralen Källan',
        };
        const inbox = renderInboxMessage(template, language, 'Tolvan', values, textsFor(language));
        outputs.push(inbox?.subject ?? '', inbox?.body ?? '');
      }
    }
    // Field errors (400 answers) and the questionnaire's answer title: plain messages, each with
    // the values its use case gives.
    const fieldValues = { max: 100, name: 'Förnya recept' };
    for (const language of LANGUAGES) {
      for (const id of swedishIds.filter((id) => id.startsWith('field.') || id.startsWith('questionnaire.'))) {
        outputs.push(textsFor(language)(id as ServerMessageId, fieldValues));
      }
    }
    // The copy for the medical record (PDF and FHIR bundle), in each language: the sample errand,
    // a bare one, and every status, event, role and weekday in words.
    for (const language of LANGUAGES) {
      const words = recordWords(language, textsFor(language));
      const sample = { ...sampleRecordCopy(), language };
      const [submission] = sample.messages;
      // Sent by the citizen themself, no answers, no thread, held by a caregiver.
      const bare = {
        ...sample,
        errand: { ...sample.errand, assignedTo: [...sample.staff.keys()][0] ?? null },
        messages: submission
          ? [{ ...submission, author: { kind: 'citizen' as const, id: sample.citizen.id }, answers: {} }]
          : [],
      };
      for (const copy of [sample, bare]) {
        outputs.push(readPdf(await renderErrandRecordPdf(copy, { compress: false, words })).text);
      }
      const bundle = errandRecordToBundle(sample, { publicUrl: 'https://kontakta.region.se', newId: () => 'x', words });
      outputs.push(JSON.stringify(bundle));
      const yes = { formatVersion: 1, fields: [{ kind: 'yes-no', key: 'a', label: { sv: 'A', en: 'A' } }] };
      outputs.push(answerText(answerLines(yes as unknown as FormDefinition, { a: true }, words)));
      for (const table of [STATUS_TEXT, EVENT_TEXT, MESSAGE_KIND_TEXT, ROLE_TEXT, WEEKDAY_TEXT]) {
        for (const id of Object.values<ServerMessageId>(table)) outputs.push(words.text(id));
      }
    }
    // The statistics' row and column names (both languages at once) and the CSV's words.
    // The week, "[2026 v. 49]", has no letter the pseudo-locale accents: checked on its own.
    expect(periodLabel('2026-W49', textsFor).sv).toMatch(/^\[2026 v\. 49\]$/);
    const labels = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((bucket) => answerBucketLabel(bucket, textsFor)),
      ...[0, 1, 2, 3, 4, 5, 6].map((bucket) => answerDayBucketLabel(bucket, textsFor)),
      ...[0, 1, 2, 3, 4, 5].map((bucket) => ageBucketLabel(bucket, textsFor)),
      loginMethodLabel('eid', textsFor),
      loginMethodLabel('password-sms', textsFor),
      staffLoginMethodLabel('eid', textsFor),
      ...NOTIFICATION_KEYS.map((key) => notificationLabel(key, textsFor)),
      allLabel(textsFor),
    ];
    // "Okänd" has only a capital the pseudo-locale accents: checked on its own.
    expect(unknownPlaceLabel(textsFor).sv).toMatch(/^\[.+\]$/);
    for (const label of labels) outputs.push(label.sv, label.en);
    for (const [language, breakdown] of LANGUAGES.flatMap((l) =>
      (['unit', 'municipality'] as const).map((b) => [l, b] as const),
    )) {
      const table = (id: StatisticsTable['id'], rowKind: StatisticsTable['rowKind']): StatisticsTable => ({
        id,
        rowKind,
        columns: [{ key: 'a', label: { sv: '[ââ]', en: '[ââ]' } }],
        rows: [{ key: 'r', label: { sv: '[éé]', en: '[éé]' }, cells: [{ value: 7, suppressed: false }], total: 7 }],
        columnTotals: [7],
        grandTotal: 7,
      });
      const csv = statisticsCsv(
        {
          scope: { kind: 'all', key: '', name: '' },
          from: '2026-10-01',
          to: '2026-10-31',
          granularity: 'month',
          breakdown,
          units: [],
          // A second page of a breakdown: the CSV says which part of the whole it is.
          breakdownPage: { page: 2, pages: 2, first: 26, last: 30, total: 30 },
          regions: [],
          tables: STATISTICS_TABLES.map((id) =>
            table(id, id === 'answer-time' || id === 'unanswered-by-age' ? 'breakdown' : 'period'),
          ),
        },
        language,
        textsFor(language),
      );
      // Every line with words in it is the catalogue's (or the sample's bracketed names).
      for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
        const words = line.split(';').filter((field) => /[A-Za-zåäö]/.test(field));
        for (const field of words) outputs.push(field);
      }
    }
    const pdf = await renderPasswordLetter(
      {
        recipient: { name: 'Anna Svensson', street: 'Gatan 1', postalCode: '123 45', city: 'Orten' },
        password: 'abcd-efgh',
        maskedMobile: '•••• 67',
        date: '2026-12-06',
        loginUrl: 'https://kontakta.region.se/',
      },
      textsFor('sv'),
    );

    // The domain's answer and definition messages (domain-messages.test.ts renders real ones), each given every value.
    const word = '[â]';
    const answerValues = { name: word, Name: word, label: word, text: word, noun: word, group: word, one: word };
    const moreValues = { other: word, outer: word, inner: word, prefix: word, message: word, date: word };
    for (const language of LANGUAGES) {
      for (const id of [...ANSWER_MESSAGE_IDS, ...DEFINITION_MESSAGE_IDS]) {
        outputs.push(
          textsFor(language)(id, { ...answerValues, ...moreValues, key: word, value: word, limit: 2, number: 1 }),
        );
      }
    }

    expect(errors).toEqual([]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const output of outputs.filter(Boolean)) expect(output).toMatch(/\[.*[âéíôûý].*\]/s);
    expect([...used].sort()).toEqual(swedishIds);
  });
});
