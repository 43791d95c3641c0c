import {
  ANSWER_MESSAGE_IDS,
  DEFINITION_MESSAGE_IDS,
  LANGUAGES,
  pseudoCatalogue,
  renderAnswerMessage,
  validateAnswers,
  validateFormDefinition,
} from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import webEn from '../../../web/src/i18n/messages.en.json' with { type: 'json' };
import webSv from '../../../web/src/i18n/messages.sv.json' with { type: 'json' };
import { answerFieldErrors } from '../use-cases/errands/errand-record.ts';
import { problemFieldErrors } from '../use-cases/units/unit-administration.ts';
import { SERVER_CATALOGUES, serverTexts } from './server-texts.ts';

// The domain's messages, the answer validator's (`answer.*`) and a form definition's problems
// (`definition.*`), are written by the browser with the web app's catalogue, and in a 400 answer by
// the server with its own: the two must say the same.

const WEB = { sv: webSv, en: webEn } as const;

function entries(catalogue: Readonly<Record<string, string>>, prefix: string): [string, string][] {
  return Object.entries(catalogue)
    .filter(([id]) => id.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b));
}

const sorted = (ids: readonly string[]) => [...ids].sort((a, b) => a.localeCompare(b));

const definition = {
  formatVersion: 1 as const,
  fields: [
    { kind: 'short-text' as const, key: 'name', label: { sv: 'Namn', en: 'Name' }, required: true },
    {
      kind: 'group' as const,
      key: 'medicines',
      label: { sv: 'Läkemedel', en: 'Medicines' },
      itemNoun: { one: { sv: 'läkemedel', en: 'medicine' }, other: { sv: 'läkemedel', en: 'medicines' } },
      minItems: 1,
      maxItems: 3,
      fields: [{ kind: 'date' as const, key: 'since', label: { sv: 'Sedan', en: 'Since' }, required: true }],
    },
  ],
};

describe("the domain's messages", () => {
  it.each(LANGUAGES)(
    '%s: the server has every answer and definition message, word for word as the web app',
    (language) => {
      const answers = entries(SERVER_CATALOGUES[language], 'answer.');
      expect(answers.map(([id]) => id)).toEqual(sorted(ANSWER_MESSAGE_IDS));
      expect(answers).toEqual(entries(WEB[language], 'answer.'));
      const definitions = entries(SERVER_CATALOGUES[language], 'definition.');
      expect(definitions.map(([id]) => id)).toEqual(sorted(DEFINITION_MESSAGE_IDS));
      expect(definitions).toEqual(entries(WEB[language], 'definition.'));
    },
  );

  it('a 400 names the field and says what is wrong in the request’s language', () => {
    const checked = validateAnswers(definition, { medicines: [{ since: '2025-02-30' }] }, { today: '2025-05-12' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(answerFieldErrors(checked.errors, 'sv')).toEqual([
      { path: 'answers.name', code: 'required', message: 'Fyll i namn.' },
      {
        path: 'answers.medicines[0].since',
        code: 'invalid-date',
        message: 'Läkemedel 1: kontrollera sedan. Ange ett datum som finns, till exempel 2025-03-14.',
      },
    ]);
    expect(answerFieldErrors(checked.errors, 'en').map((error) => error.message)).toEqual([
      'Fill in name.',
      'Medicine 1: check since. Enter a date that exists, for example 2025-03-14.',
    ]);
  });

  it('a definition problem names the place and says what is wrong in the request’s language', () => {
    const problems = validateFormDefinition({
      formatVersion: 1,
      fields: [
        { kind: 'short-text', key: 'name', label: { sv: 'Namn', en: 'Name' } },
        { kind: 'short-text', key: 'name', label: { sv: 'Namn', en: 'Name' } },
      ],
    });
    expect(problemFieldErrors('body.citizenForm', problems, 'sv')).toEqual([
      {
        path: 'body.citizenForm.fields[1].key',
        code: 'duplicate-key',
        message: 'Nyckeln ”name” används redan på samma nivå i formuläret.',
      },
    ]);
    expect(problemFieldErrors('body.citizenForm', problems, 'en')[0]?.message).toBe(
      'The key “name” is already used at the same level of the form.',
    );
  });

  it('a third language is a catalogue: every answer message renders from it, with no id left over', () => {
    const pseudo = pseudoCatalogue(SERVER_CATALOGUES.sv);
    // The pseudo-locale stands in English's place, as in the other pseudo-locale tests.
    const text = serverTexts('en', { catalogues: { sv: pseudo, en: pseudo } });
    const checked = validateAnswers(definition, { medicines: [] }, { today: '2025-05-12' });
    if (checked.ok) throw new Error('expected errors');
    const messages = checked.errors.map((error) => renderAnswerMessage(error.message, 'en', text));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatch(/^\[.*[âéíôûý]/);
      expect(message).not.toMatch(/answer\./);
    }
  });
});
