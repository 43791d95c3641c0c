import { describe, expect, it } from 'vitest';
import { baseErrandTypes, buildBaseErrandForms } from '../errand-types/base-errand-types.ts';
import type { FormField } from './form-definition.schema.ts';
import { rewordForStaff, staffLabelOf } from './staff-wording.ts';

const both = (sv: string, en: string) => ({ sv, en });

describe('rewordForStaff', () => {
  it.each([
    [
      both('Läkemedel som du vill förnya', 'Medicines you would like to renew'),
      both('Läkemedel som invånaren vill förnya', 'Medicines the citizen would like to renew'),
    ],
    [both('Har du feber?', 'Do you have a fever?'), both('Har invånaren feber?', 'Does the citizen have a fever?')],
    [both('Din fråga', 'Your question'), both('Invånarens fråga', "The citizen's question")],
    [
      both('Vilka dagar kan vi nå dig?', 'Which days can we reach you?'),
      both('Vilka dagar kan vi nå invånaren?', 'Which days can we reach the citizen?'),
    ],
    [
      both('Är du gravid eller ammar du?', 'Are you pregnant or breastfeeding?'),
      both('Är invånaren gravid eller ammar?', 'Is the citizen pregnant or breastfeeding?'),
    ],
    [
      both('Vem utfärdade ditt nuvarande intyg?', 'Who issued your current certificate?'),
      both('Vem utfärdade invånarens nuvarande intyg?', "Who issued the citizen's current certificate?"),
    ],
  ])('puts %j in the third person', (label, expected) => {
    expect(rewordForStaff(label)).toEqual(expected);
  });

  it('leaves words that only contain the pronoun alone (å, ä, ö are letters)', () => {
    const label = both('Färdig dos, dunkel, Dinkel, Gädda, blådu, youth', 'Youth, Dune, young');
    expect(rewordForStaff(label)).toEqual(label);
  });
});

describe('staffLabelOf', () => {
  it("uses the designer's staff label when there is one", () => {
    const field: FormField = {
      kind: 'yes-no',
      key: 'fever',
      label: both('Har du feber?', 'Do you have a fever?'),
      staffLabel: both('Feber', 'Fever'),
    };
    expect(staffLabelOf(field)).toEqual(both('Feber', 'Fever'));
  });

  it('has nothing for information texts, which have no label', () => {
    expect(staffLabelOf({ kind: 'info', key: 'x', text: both('Text', 'Text') })).toBeUndefined();
  });

  it('leaves no "du", "din", "dig" or "you" in any base errand type for staff', () => {
    const addressed = /(?<!\p{L})(du|dig|din|ditt|dina|you|your)(?!\p{L})/iu;
    const walk = (fields: readonly FormField[]): string[] =>
      fields.flatMap((field) => {
        const label = staffLabelOf(field);
        const own = label ? [label.sv, label.en].filter((text) => addressed.test(text)) : [];
        return [...own, ...(field.kind === 'group' ? walk(field.fields) : [])];
      });
    for (const type of baseErrandTypes) {
      const forms = buildBaseErrandForms(type.id, {});
      if (!forms.ok) throw new Error(`${type.id} does not build`);
      expect(walk(forms.citizenForm.fields), type.id).toEqual([]);
    }
  });
});
