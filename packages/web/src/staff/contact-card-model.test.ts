import type { UnitContactSettings } from '@kontakta/contract';
import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, fieldIdOfPath, hoursFieldId, replyFieldId } from './contact-card-model.ts';

const settings: UnitContactSettings = {
  phone: '08-123 456 78',
  visitingAddress: null,
  catalogueAddress: { street: 'Gläntvägen 14', postalCode: '123 52', city: 'Farsta' },
  openingHours: { days: [{ day: 'tuesday', opens: '08:00', closes: '17:00' }], note: 'Lunchstängt 12–13' },
  description: { sv: 'Vårdcentral', en: null },
  replyTimes: [
    {
      errandType: 'renew-prescription',
      name: { sv: 'Förnya recept', en: 'Renew prescription' },
      enabled: true,
      replyTime: { amount: 3, unit: 'working-days' },
    },
    { errandType: 'advice', name: { sv: 'Rådgivning', en: 'Advice' }, enabled: true, replyTime: null },
  ],
  updatedAt: null,
  updatedBy: null,
};

describe('the contact-card form model', () => {
  it('sends back what it was given', () => {
    const { body, notNumbers } = bodyOf(draftOf(settings));
    expect(notNumbers).toEqual([]);
    expect(body).toEqual({
      phone: '08-123 456 78',
      visitingAddress: null,
      openingHours: settings.openingHours,
      description: { sv: 'Vårdcentral', en: null },
      replyTimes: [{ errandType: 'renew-prescription', amount: 3, unit: 'working-days' }],
    });
  });

  it('keeps days with any time typed, and finds the field of a refusal by what was sent', () => {
    const draft = draftOf(settings);
    draft.hours.monday = { opens: '', closes: '12:00' };
    draft.replyTimes.advice = { amount: 'tre', unit: 'working-days' };
    draft.catalogueAddress = false;
    const { body, notNumbers } = bodyOf(draft);
    expect(body.openingHours.days.map((day) => day.day)).toEqual(['monday', 'tuesday']);
    expect(body.visitingAddress).toEqual({ street: '', postalCode: '', city: '' });
    expect(notNumbers).toEqual([replyFieldId('advice')]);
    expect(fieldIdOfPath('body.openingHours.days.1.closes', body)).toBe(hoursFieldId('tuesday', 'closes'));
    expect(fieldIdOfPath('body.openingHours.days.0.opens', body)).toBe(hoursFieldId('monday', 'opens'));
    expect(fieldIdOfPath('body.replyTimes.0.amount', body)).toBe(replyFieldId('renew-prescription'));
    expect(fieldIdOfPath('body.visitingAddress.postalCode', body)).toBe('contact-card-postal-code');
    expect(fieldIdOfPath('body.description.en', body)).toBe('contact-card-description-en');
    expect(fieldIdOfPath('body.unknown', body)).toBeUndefined();
  });
});
