import { describe, expect, it } from 'vitest';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import { buildRenewAssistiveAidsAnswerForm, buildRenewAssistiveAidsForm } from './renew-assistive-aids.errand-type.ts';

const form = buildRenewAssistiveAidsForm();
const aid = (isIncontinenceAid: boolean) => ({
  productName: 'TENA Slip Plus',
  size: 'M',
  usePerDay: 3,
  packages: 4,
  isIncontinenceAid,
});
const delivery = {
  deliveryAddress: 'Storgatan 1',
  deliveryPostalCode: '123 45',
  deliveryCity: 'Småstad',
  deliveryPhone: '070-123 45 67',
};

describe('renew assistive aids: citizen form', () => {
  it('is a valid definition', () => {
    expectValidDefinition(form);
  });

  it('accepts up to four aids that are not incontinence aids, without delivery details', () => {
    const accepted = expectAccepted(form, {
      aids: [aid(false), aid(false), aid(false), aid(false)],
      freeCardNumber: '1234',
    });
    expect(accepted.aids).toHaveLength(4);
    expect(accepted.deliveryAddress).toBeUndefined();
  });

  it('refuses a fifth aid', () => {
    expect(refusals(form, { aids: Array.from({ length: 5 }, () => aid(false)) })).toEqual([
      {
        path: 'aids',
        code: 'too-many-items',
        message: { sv: 'Du kan ange högst 4 hjälpmedel.', en: 'You can enter at most 4 aids.' },
      },
    ]);
  });

  it('refuses an incontinence aid without delivery details', () => {
    expect(refusalCodes(form, { aids: [aid(false), aid(true)] })).toEqual([
      'deliveryAddress:required',
      'deliveryPostalCode:required',
      'deliveryCity:required',
      'deliveryPhone:required',
    ]);
  });

  it('accepts an incontinence aid with delivery details, with the phone number in E.164', () => {
    const accepted = expectAccepted(form, {
      aids: [aid(false), aid(true)],
      ...delivery,
      deliveryInstructions: 'Portkod 1234',
    });
    expect(accepted.deliveryPhone).toBe('+46701234567');
  });

  it('refuses delivery details when no aid is an incontinence aid', () => {
    expect(refusalCodes(form, { aids: [aid(false)], ...delivery })).toEqual([
      'deliveryAddress:not-applicable',
      'deliveryPostalCode:not-applicable',
      'deliveryCity:not-applicable',
      'deliveryPhone:not-applicable',
    ]);
  });

  it('refuses impossible amounts and a missing answer about incontinence', () => {
    const wrong = { productName: 'X', usePerDay: 2.5, packages: 0 };
    expect(refusals(form, { aids: [wrong] }).map((error) => [error.path, error.code, error.message.sv])).toEqual([
      ['aids[0].usePerDay', 'not-an-integer', 'Hjälpmedel 1: ange antal per dygn som ett heltal.'],
      ['aids[0].packages', 'too-small', 'Hjälpmedel 1: antal förpackningar måste vara minst 1.'],
      ['aids[0].isIncontinenceAid', 'required', 'Hjälpmedel 1: välj om det är ett inkontinenshjälpmedel.'],
    ]);
  });

  it('does not ask for delivery details while it cannot tell whether an aid is an incontinence aid', () => {
    expect(refusalCodes(form, { aids: [{ ...aid(false), isIncontinenceAid: 'ja' }] })).toEqual([
      'aids[0].isIncontinenceAid:wrong-type',
    ]);
  });
});

describe('renew assistive aids: answer form', () => {
  const answerForm = buildRenewAssistiveAidsAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('takes a decision per aid and an expected delivery date', () => {
    expectAccepted(answerForm, {
      aids: [
        { item: 'TENA Slip Plus M', decision: 'ordered' },
        { item: 'Rollator', decision: 'not-ordered', reason: 'Kontakta arbetsterapeuten.' },
      ],
      expectedDelivery: '2025-05-20',
      message: 'Beställningen är gjord.',
      citizenMayReply: false,
    });
  });

  it('refuses a delivery date in the past and an aid without a decision', () => {
    const answers = { aids: [{ item: 'X' }], expectedDelivery: '2025-05-01', message: 'x', citizenMayReply: true };
    expect(refusalCodes(answerForm, answers)).toEqual(['aids[0].decision:required', 'expectedDelivery:date-too-early']);
  });
});
