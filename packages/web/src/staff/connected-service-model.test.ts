import { describe, expect, it } from 'vitest';
import {
  blankServiceFields,
  draftOfService,
  emptyServiceDraft,
  redirectUriLineOfPath,
  serviceBody,
  serviceDraftChanged,
  serviceFieldOfPath,
} from './connected-service-model.ts';

describe('the connected service form', () => {
  const filled = {
    ...emptyServiceDraft(['SE1']),
    nameSv: ' Provsvar ',
    nameEn: 'Test results',
    descriptionSv: 'Se provsvar.',
    descriptionEn: 'See results.',
    url: ' https://provsvar.example.se/ ',
  };

  it('makes a plain link without a hand-over, trimmed', () => {
    expect(serviceBody(filled)).toEqual({
      name: { sv: 'Provsvar', en: 'Test results' },
      description: { sv: 'Se provsvar.', en: 'See results.' },
      url: 'https://provsvar.example.se/',
      units: ['SE1'],
      handOver: null,
    });
  });

  it('takes the redirect URIs one a line, blank lines left out', () => {
    const body = serviceBody({ ...filled, handOver: true, redirectUris: 'https://a.se/cb\r\n\n  https://b.se/cb  \n' });
    expect(body.handOver).toEqual({ redirectUris: ['https://a.se/cb', 'https://b.se/cb'], claims: ['name'] });
  });

  it('names the blank fields, the addresses only with a hand-over', () => {
    expect(blankServiceFields(emptyServiceDraft([]))).toEqual([
      'nameSv',
      'nameEn',
      'descriptionSv',
      'descriptionEn',
      'url',
    ]);
    expect(blankServiceFields(filled)).toEqual([]);
    expect(blankServiceFields({ ...filled, handOver: true, redirectUris: ' \n' })).toEqual(['redirectUris']);
  });

  it('round-trips a saved service and sees changes', () => {
    const draft = draftOfService({
      id: 'x',
      name: { sv: 'A', en: 'B' },
      description: { sv: 'C', en: 'D' },
      url: 'https://a.se/',
      owner: { kind: 'region', unitHsaId: null },
      units: [{ hsaId: 'SE1', name: 'Enhet' }],
      handOver: { clientId: 'c', redirectUris: ['https://a.se/cb'], claims: ['personnummer'] },
      createdAt: 0,
      updatedAt: 0,
      updatedBy: 'SE2',
    });
    expect(draft).toMatchObject({
      units: ['SE1'],
      handOver: true,
      redirectUris: 'https://a.se/cb',
      claims: ['personnummer'],
    });
    expect(serviceDraftChanged(draft, draft)).toBe(false);
    expect(serviceDraftChanged(draft, { ...draft, handOver: false })).toBe(true);
    expect(serviceDraftChanged(draft, { ...draft, nameSv: 'A ' })).toBe(false);
  });

  it('points a refusal at its field', () => {
    expect(serviceFieldOfPath('body.name.sv')).toBe('nameSv');
    expect(serviceFieldOfPath('body.description.en')).toBe('descriptionEn');
    expect(serviceFieldOfPath('body.units[3]')).toBe('units');
    expect(serviceFieldOfPath('body.handOver.redirectUris[1]')).toBe('redirectUris');
    expect(serviceFieldOfPath('body.handOver.claims')).toBe('claims');
    expect(serviceFieldOfPath('body')).toBeUndefined();
    expect(redirectUriLineOfPath('body.handOver.redirectUris[1]')).toBe(2);
    expect(redirectUriLineOfPath('body.url')).toBeUndefined();
  });
});
