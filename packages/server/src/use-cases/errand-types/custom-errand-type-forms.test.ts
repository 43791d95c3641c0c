import type { FormDefinition, FormField } from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import { answerClosingFields, defaultCustomAnswerForm, parseCustomErrandForms } from './custom-errand-type-forms.ts';

const t = (sv: string, en: string) => ({ sv, en });
const citizenForm: FormDefinition = {
  formatVersion: 1,
  fields: [{ kind: 'long-text', key: 'question', label: t('Fråga', 'Question'), required: true }],
};
const keys = (form: FormDefinition) => form.fields.map((field) => field.key);

describe('custom errand type forms', () => {
  it('ends every answer form like the national ones: a required message and whether the citizen may reply', () => {
    expect(answerClosingFields()).toMatchObject([
      { kind: 'long-text', key: 'message', required: true },
      { kind: 'yes-no', key: 'citizenMayReply', required: true },
    ]);
    expect(keys(defaultCustomAnswerForm())).toEqual(['message', 'citizenMayReply']);
  });

  it('uses the default answer form when the unit writes none', () => {
    const parsed = parseCustomErrandForms({ citizenForm }, 'sv');
    expect(parsed.ok && keys(parsed.answerForm)).toEqual(['message', 'citizenMayReply']);
  });

  it("appends the closing fields a unit's answer form lacks, and keeps its own", () => {
    const own: FormField = { kind: 'long-text', key: 'message', label: t('Svar', 'Answer'), required: true };
    const answerForm: FormDefinition = {
      formatVersion: 1,
      fields: [{ kind: 'date', key: 'appointment', label: t('Tid', 'Time') }, own],
    };
    const parsed = parseCustomErrandForms({ citizenForm, answerForm }, 'sv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(keys(parsed.answerForm)).toEqual(['appointment', 'message', 'citizenMayReply']);
    expect(parsed.answerForm.fields[1]).toEqual(own);
  });

  it('refuses a closing field of the wrong kind, in the caller’s language', () => {
    const answerForm = {
      formatVersion: 1,
      fields: [{ kind: 'short-text', key: 'citizenMayReply', label: t('Får svara', 'May reply') }],
    };
    const parsed = parseCustomErrandForms({ citizenForm, answerForm }, 'en');
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'body.answerForm.fields[0].kind',
          code: 'reserved-answer-field',
          message: expect.stringMatching(/yes\/no/),
        },
      ],
    });
  });

  it('reports a full answer form that has no room for the closing fields at the answer form', () => {
    const fields = Array.from({ length: 100 }, (_, i) => ({
      kind: 'short-text' as const,
      key: `field${i}`,
      label: t(`Fält ${i}`, `Field ${i}`),
    }));
    const parsed = parseCustomErrandForms({ citizenForm, answerForm: { formatVersion: 1, fields } }, 'sv');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.every((p) => p.path.startsWith('body.answerForm.fields'))).toBe(true);
  });

  it('reports problems of both forms at once', () => {
    const parsed = parseCustomErrandForms({ citizenForm: { formatVersion: 2 }, answerForm: [] }, 'sv');
    expect(!parsed.ok && parsed.problems.map((p) => p.path.split('.')[1])).toEqual(
      expect.arrayContaining(['citizenForm', 'answerForm']),
    );
  });

  it('returns copies: what the caller holds cannot change what is stored', () => {
    const input = structuredClone(citizenForm);
    const parsed = parseCustomErrandForms({ citizenForm: input }, 'sv');
    (input.fields[0] as { key: string }).key = 'changed';
    expect(parsed.ok && keys(parsed.citizenForm)).toEqual(['question']);
  });
});
