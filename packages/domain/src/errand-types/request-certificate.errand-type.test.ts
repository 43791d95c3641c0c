import { describe, expect, it } from 'vitest';
import { buildBaseErrandForms } from './base-errand-types.ts';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import {
  buildRequestCertificateAnswerForm,
  buildRequestCertificateForm,
  DEFAULT_CERTIFICATE_KINDS,
} from './request-certificate.errand-type.ts';

const form = buildRequestCertificateForm({ certificateKinds: DEFAULT_CERTIFICATE_KINDS });
const unitKinds = [
  { value: 'diving', label: { sv: 'Dykarintyg', en: 'Diving certificate' } },
  { value: 'driving-licence', label: { sv: 'Körkortsintyg', en: 'Driving licence certificate' } },
];

describe('request certificate: citizen form', () => {
  it('is a valid definition with the default kinds and with a unit’s own list', () => {
    expectValidDefinition(form);
    expectValidDefinition(buildRequestCertificateForm({ certificateKinds: unitKinds }));
  });

  it('accepts a new certificate', () => {
    expectAccepted(form, { certificateKind: 'driving-licence', requestType: 'new', purpose: 'Förnya körkortet.' });
  });

  it('accepts a renewal with the issuer and the validity date of the current certificate', () => {
    const accepted = expectAccepted(form, {
      certificateKind: 'driving-licence',
      requestType: 'renewal',
      currentIssuer: 'Dr Berg, Vårdcentralen Norr',
      currentValidUntil: '2025-06-30',
    });
    expect(accepted.currentValidUntil).toBe('2025-06-30');
  });

  it('refuses a renewal without the issuer and the validity date', () => {
    expect(refusals(form, { certificateKind: 'driving-licence', requestType: 'renewal' })).toEqual([
      {
        path: 'currentIssuer',
        code: 'required',
        message: {
          sv: 'Fyll i vem som utfärdade det nuvarande intyget.',
          en: 'Fill in who issued the current certificate.',
        },
      },
      {
        path: 'currentValidUntil',
        code: 'required',
        message: {
          sv: 'Fyll i det nuvarande intygets slutdatum.',
          en: 'Fill in the end date of the current certificate.',
        },
      },
    ]);
  });

  it('refuses renewal details on a new certificate', () => {
    const answers = { certificateKind: 'vaccination', requestType: 'new', currentIssuer: 'Dr Berg' };
    expect(refusalCodes(form, answers)).toEqual(['currentIssuer:not-applicable']);
  });

  it('offers only the unit’s kinds', () => {
    const own = buildRequestCertificateForm({ certificateKinds: unitKinds });
    expect(refusalCodes(own, { certificateKind: 'vaccination', requestType: 'new' })).toEqual([
      'certificateKind:not-an-option',
    ]);
    expectAccepted(own, { certificateKind: 'diving', requestType: 'new' });
  });

  it('asks which certificate when the citizen picks "other", if the unit offers it', () => {
    expect(refusalCodes(form, { certificateKind: 'other', requestType: 'new' })).toEqual([
      'otherCertificateKind:required',
    ]);
    expectAccepted(form, { certificateKind: 'other', requestType: 'new', otherCertificateKind: 'Intyg för jakt' });
    const own = buildRequestCertificateForm({ certificateKinds: unitKinds });
    expect(refusalCodes(own, { certificateKind: 'diving', requestType: 'new', otherCertificateKind: 'x' })).toEqual([
      'otherCertificateKind:unknown-field',
    ]);
  });

  it('refuses a validity date that does not exist', () => {
    const answers = {
      certificateKind: 'vaccination',
      requestType: 'renewal',
      currentIssuer: 'X',
      currentValidUntil: '2025-02-29',
    };
    expect(refusalCodes(form, answers)).toEqual(['currentValidUntil:invalid-date']);
  });
});

describe('request certificate: unit options', () => {
  it('refuses duplicate kinds and an empty list', () => {
    expect(
      buildBaseErrandForms('request-certificate', { certificateKinds: [...unitKinds, unitKinds[0]] }),
    ).toMatchObject({
      ok: false,
      problems: [{ path: 'certificateKinds[2].value', code: 'duplicate-option-value' }],
    });
    expect(buildBaseErrandForms('request-certificate', { certificateKinds: [] })).toMatchObject({
      ok: false,
      problems: [{ path: 'certificateKinds', code: 'too-few' }],
    });
  });

  it('refuses a kind whose value is not kebab-case', () => {
    const kinds = [{ value: 'Driving Licence', label: { sv: 'Körkort', en: 'Licence' } }];
    expect(buildBaseErrandForms('request-certificate', { certificateKinds: kinds })).toMatchObject({
      ok: false,
      problems: [{ path: 'certificateKinds[0].value', code: 'invalid-format' }],
    });
  });
});

describe('request certificate: answer form', () => {
  const answerForm = buildRequestCertificateAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('proposes a visit when one is needed', () => {
    expect(
      refusalCodes(answerForm, { outcome: 'appointment-needed', message: 'Boka en tid.', citizenMayReply: true }),
    ).toEqual(['proposedDate:required', 'proposedTime:required', 'place:required']);
    expectAccepted(answerForm, {
      outcome: 'appointment-needed',
      proposedDate: '2025-05-20',
      proposedTime: '10:30',
      place: 'Vårdcentralen Norr, plan 2',
      caregiver: 'Dr Berg, läkare',
      message: 'Välkommen!',
      citizenMayReply: true,
    });
  });
});
