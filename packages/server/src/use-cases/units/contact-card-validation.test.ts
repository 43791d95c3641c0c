import type { UnitContactSettingsBody } from '@kontakta/contract';
import { describe, expect, it } from 'vitest';
import { checkContactSettings, normalizedTime } from './contact-card-validation.ts';

const TYPES = new Set(['renew-prescription', 'advice']);
const body = (overrides: Partial<UnitContactSettingsBody> = {}): UnitContactSettingsBody => ({
  phone: null,
  visitingAddress: null,
  openingHours: { days: [], note: null },
  description: null,
  replyTimes: [],
  ...overrides,
});
const paths = (input: UnitContactSettingsBody) => {
  const result = checkContactSettings(input, TYPES, 'en');
  return result.ok ? [] : result.errors.map((error) => error.path);
};

describe('contact card settings', () => {
  it('accepts the ways Swedish phone numbers are written, and nothing else', () => {
    for (const phone of [
      '08-123 456 78',
      '010-123 45 67',
      '+46 8 123 456 78',
      '1177',
      '0771-11 77 00',
      ' 08-1234567 ',
    ]) {
      expect(paths(body({ phone })), phone).toEqual([]);
    }
    for (const phone of ['ring oss', '08--123', '08 - 123', '+', '12', '+46 8 123 456 78 90 12 34', '08-123\n45']) {
      expect(paths(body({ phone })), phone).toEqual(['body.phone']);
    }
    const blank = checkContactSettings(body({ phone: '   ' }), TYPES, 'sv');
    expect(blank.ok && blank.value.phone).toBeNull();
  });

  it('reads times as HH:MM, and wants closing after opening', () => {
    expect(normalizedTime('8:00')).toBe('08:00');
    expect(normalizedTime('08.30')).toBe('08:30');
    expect(normalizedTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '8', '08:60', '0800', 'åtta', '']) expect(normalizedTime(bad), bad).toBeUndefined();
    const days = (opens: string, closes: string) =>
      body({ openingHours: { days: [{ day: 'monday', opens, closes }], note: null } });
    expect(paths(days('08:00', '17:00'))).toEqual([]);
    expect(paths(days('17:00', '08:00'))).toEqual(['body.openingHours.days.0.closes']);
    expect(paths(days('12:00', '12:00'))).toEqual(['body.openingHours.days.0.closes']);
    expect(paths(days('', '25:00'))).toEqual(['body.openingHours.days.0.opens', 'body.openingHours.days.0.closes']);
  });

  it('puts the days in weekday order and normalises the postcode', () => {
    const result = checkContactSettings(
      body({
        visitingAddress: { street: ' Storgatan 1 ', postalCode: '12345', city: 'Farsta' },
        openingHours: {
          days: [
            { day: 'sunday', opens: '10:00', closes: '14:00' },
            { day: 'monday', opens: '8:00', closes: '17:00' },
          ],
          note: '  Lunchstängt 12–13 ',
        },
      }),
      TYPES,
      'sv',
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        visitingAddress: { street: 'Storgatan 1', postalCode: '123 45', city: 'Farsta' },
        openingDays: [
          { day: 'monday', opens: '08:00', closes: '17:00' },
          { day: 'sunday', opens: '10:00', closes: '14:00' },
        ],
        openingNote: 'Lunchstängt 12–13',
      }),
    });
  });

  it('checks reply times against the unit’s errand types, once each, 1 to 60', () => {
    const reply = (errandType: string, amount: number) => ({ errandType, amount, unit: 'working-days' as const });
    expect(paths(body({ replyTimes: [reply('advice', 1), reply('renew-prescription', 60)] }))).toEqual([]);
    expect(paths(body({ replyTimes: [reply('contact-me', 3)] }))).toEqual(['body.replyTimes.0.errandType']);
    expect(paths(body({ replyTimes: [reply('advice', 3), reply('advice', 2)] }))).toEqual([
      'body.replyTimes.1.errandType',
    ]);
    expect(paths(body({ replyTimes: [reply('advice', 0), reply('renew-prescription', 61)] }))).toEqual([
      'body.replyTimes.0.amount',
      'body.replyTimes.1.amount',
    ]);
  });

  it('wants the description in Swedish, keeps its line breaks and refuses other control characters', () => {
    expect(paths(body({ description: { sv: 'Rad ett\nRad två', en: null } }))).toEqual([]);
    expect(paths(body({ description: { sv: ' ', en: 'English only' } }))).toEqual(['body.description.sv']);
    expect(paths(body({ description: { sv: 'Tab\there', en: null } }))).toEqual(['body.description.sv']);
    const none = checkContactSettings(body({ description: { sv: ' ', en: ' ' } }), TYPES, 'sv');
    expect(none.ok && none.value.description).toBeNull();
  });
});
