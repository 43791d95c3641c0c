import { describe, expect, it } from 'vitest';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import { buildRenewPrescriptionAnswerForm, buildRenewPrescriptionForm } from './renew-prescription.errand-type.ts';

const form = buildRenewPrescriptionForm({ showFurtherInformation: true });
const medicine = (name: string) => ({ name, strength: '500 mg', dosage: '1 tablett 2 gånger per dag' });

describe('renew prescription: citizen form', () => {
  it('is a valid definition with and without the further-information field', () => {
    expectValidDefinition(form);
    expectValidDefinition(buildRenewPrescriptionForm({ showFurtherInformation: false }));
  });

  it('accepts one medicine with only its name, and ten with every detail', () => {
    expect(expectAccepted(form, { medicines: [{ name: ' Alvedon ' }] })).toEqual({ medicines: [{ name: 'Alvedon' }] });
    const ten = Array.from({ length: 10 }, (_, index) => medicine(`Läkemedel ${index + 1}`));
    expect(expectAccepted(form, { medicines: ten, furtherInformation: 'Inget har ändrats.' }).medicines).toHaveLength(
      10,
    );
  });

  it('refuses 11 medicines', () => {
    const eleven = Array.from({ length: 11 }, (_, index) => medicine(`Läkemedel ${index + 1}`));
    expect(refusals(form, { medicines: eleven })).toEqual([
      {
        path: 'medicines',
        code: 'too-many-items',
        message: { sv: 'Du kan ange högst 10 läkemedel.', en: 'You can enter at most 10 medicines.' },
      },
    ]);
  });

  it('refuses a form without medicines', () => {
    expect(refusals(form, {})).toEqual([
      {
        path: 'medicines',
        code: 'too-few-items',
        message: { sv: 'Ange minst 1 läkemedel.', en: 'Enter at least 1 medicine.' },
      },
    ]);
  });

  it('names the medicine whose name is missing', () => {
    const [error] = refusals(form, { medicines: [medicine('A'), medicine('B'), { strength: '10 mg' }] });
    expect(error).toEqual({
      path: 'medicines[2].name',
      code: 'required',
      message: { sv: 'Läkemedel 3: fyll i läkemedlets namn.', en: 'Medicine 3: fill in the name of the medicine.' },
    });
  });

  it('refuses further information when the unit has turned the field off', () => {
    const without = buildRenewPrescriptionForm({ showFurtherInformation: false });
    expect(refusalCodes(without, { medicines: [medicine('A')], furtherInformation: 'x' })).toEqual([
      'furtherInformation:unknown-field',
    ]);
  });

  it('refuses a medicine name that is too long or not text', () => {
    expect(refusalCodes(form, { medicines: [{ name: 'x'.repeat(201) }, { name: 42 }] })).toEqual([
      'medicines[0].name:too-long',
      'medicines[1].name:wrong-type',
    ]);
  });
});

describe('renew prescription: answer form', () => {
  const answerForm = buildRenewPrescriptionAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('takes a decision per medicine, with a reason when it is not renewed', () => {
    expectAccepted(answerForm, {
      medicines: [
        { item: 'Alvedon 500 mg', decision: 'renewed' },
        { item: 'Imovane 7,5 mg', decision: 'not-renewed', reason: 'Behöver ett besök först.' },
      ],
      message: 'Ditt recept på Alvedon är förnyat.',
      citizenMayReply: true,
    });
  });

  it('requires the reason, a message and whether the citizen may reply', () => {
    expect(refusals(answerForm, { medicines: [{ item: 'Imovane', decision: 'not-renewed' }] })).toEqual([
      {
        path: 'medicines[0].reason',
        code: 'required',
        message: { sv: 'Läkemedel 1: fyll i anledningen.', en: 'Medicine 1: fill in the reason.' },
      },
      {
        path: 'message',
        code: 'required',
        message: { sv: 'Fyll i ett meddelande till invånaren.', en: 'Fill in a message to the citizen.' },
      },
      {
        path: 'citizenMayReply',
        code: 'required',
        message: { sv: 'Välj om invånaren får svara.', en: 'Choose whether the citizen may reply.' },
      },
    ]);
  });

  it('refuses a reason for a renewed medicine', () => {
    const answers = {
      medicines: [{ item: 'A', decision: 'renewed', reason: 'x' }],
      message: 'Klart.',
      citizenMayReply: false,
    };
    expect(refusalCodes(answerForm, answers)).toEqual(['medicines[0].reason:not-applicable']);
  });
});
