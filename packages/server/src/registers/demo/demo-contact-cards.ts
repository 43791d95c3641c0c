import type { BaseErrandTypeId } from '@kontakta/domain';
import type { CareUnit, CareUnitKind } from '../hsa-catalogue.ts';

/**
 * What the demo's units say on their contact cards: a phone number, opening hours with a note,
 * a short description and reply times. Not part of the HSA catalogue here: a unit's
 * administrators set these in Kontakta, and the demo fills them in for units that have none.
 */
export type DemoContactCard = Readonly<{
  unitHsaId: string;
  phone: string;
  openingDays: ReadonlyArray<Readonly<{ day: Weekday; opens: string; closes: string }>>;
  openingNote: string | null;
  description: Readonly<{ sv: string; en: string }>;
  replyTimes: Readonly<Partial<Record<BaseErrandTypeId, Readonly<{ amount: number; unit: ReplyUnit }>>>>;
}>;

type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
type ReplyUnit = 'working-days' | 'working-hours';

// Numbers PTS (the Swedish telecom regulator) reserves for fiction, by area code: no real
// switchboard is ever called from the demo. Regions without a range of their own use 0980's.
const FICTION_PHONE_RANGES: Readonly<Record<string, (n: number) => string>> = {
  '01': (n) => `08-465 004 ${pad(n)}`,
  '12': (n) => `040-628 04 ${pad(n)}`,
  '14': (n) => `031-390 06 ${pad(n)}`,
};
const OTHER_FICTION_PHONES = (n: number) => `0980-31 92 ${pad(n)}`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const days = (opens: string, closes: string, fridayCloses = closes) =>
  WEEKDAYS.map((day) => ({ day, opens, closes: day === 'friday' ? fridayCloses : closes }));

const days3 = { amount: 3, unit: 'working-days' } as const;
const day1 = { amount: 1, unit: 'working-days' } as const;

type KindCard = Omit<DemoContactCard, 'unitHsaId' | 'phone' | 'description'> & {
  description: (name: string) => { sv: string; en: string };
};

const BY_KIND: Readonly<Record<CareUnitKind, KindCard>> = {
  'primary-care': {
    openingDays: days('08:00', '17:00', '16:00'),
    openingNote: 'Lunchstängt 12–13. Telefontid för rådgivning 08–10.',
    description: (name) => ({
      sv: `${name} är en vårdcentral för alla åldrar: läkare, sjuksköterskor, distriktssköterskor och psykosocialt team. Vi tar emot listade patienter och besök från andra.`,
      en: `${name} is a health centre for all ages: doctors, nurses, district nurses and a psychosocial team. We see listed patients and visitors from elsewhere.`,
    }),
    replyTimes: {
      'cancel-or-reschedule-appointment': day1,
      'request-appointment': days3,
      'request-certificate': { amount: 5, unit: 'working-days' },
      'order-medical-record-copy': { amount: 10, unit: 'working-days' },
      'ask-the-nurse': day1,
      'extend-sick-leave': days3,
      'renew-prescription': days3,
      'renew-assistive-aids': { amount: 5, unit: 'working-days' },
      'contact-me': day1,
      advice: days3,
      'change-listing': { amount: 5, unit: 'working-days' },
    },
  },
  'child-health': {
    openingDays: days('08:00', '16:30', '15:00'),
    openingNote: 'Lunchstängt 12–13.',
    description: (name) => ({
      sv: `${name} följer barns hälsa och utveckling från födseln till skolstarten, med hälsobesök och vaccinationer.`,
      en: `${name} follows children's health and development from birth until school, with check-ups and vaccinations.`,
    }),
    replyTimes: {
      'cancel-or-reschedule-appointment': day1,
      'request-appointment': days3,
      'ask-the-nurse': day1,
      'contact-me': day1,
      advice: days3,
    },
  },
  children: {
    openingDays: days('08:00', '16:00'),
    openingNote: null,
    description: (name) => ({
      sv: `${name} är en specialistmottagning för barn och ungdomar upp till 18 år, på remiss.`,
      en: `${name} is a specialist clinic for children and young people up to 18, by referral.`,
    }),
    replyTimes: { 'cancel-or-reschedule-appointment': day1, 'ask-the-nurse': days3, 'contact-me': days3 },
  },
  'child-psychiatry': {
    openingDays: days('08:00', '16:30', '15:00'),
    openingNote: 'Vid akuta lägen: ring 1177 eller 112.',
    description: (name) => ({
      sv: `${name} är barn- och ungdomspsykiatrisk mottagning för barn och unga upp till 18 år och deras familjer.`,
      en: `${name} is a child and adolescent psychiatry clinic for young people up to 18 and their families.`,
    }),
    replyTimes: { 'cancel-or-reschedule-appointment': day1, 'contact-me': days3, advice: days3 },
  },
  psychiatry: {
    openingDays: days('08:00', '16:30', '15:00'),
    openingNote: 'Vid akuta lägen: ring 1177 eller 112.',
    description: (name) => ({
      sv: `${name} är en allmänpsykiatrisk mottagning för vuxna från 18 år.`,
      en: `${name} is a general psychiatry clinic for adults from 18.`,
    }),
    replyTimes: {
      'cancel-or-reschedule-appointment': day1,
      'renew-prescription': days3,
      'contact-me': days3,
      'extend-sick-leave': days3,
    },
  },
  maternity: {
    openingDays: days('08:00', '16:00', '15:00'),
    openingNote: 'Lunchstängt 12–13.',
    description: (name) => ({
      sv: `${name} tar emot dig som är gravid, vill ha preventivmedel eller ta cellprov.`,
      en: `${name} sees you when you are pregnant, need contraception or a cervical screening test.`,
    }),
    replyTimes: { 'cancel-or-reschedule-appointment': day1, 'request-appointment': days3, 'ask-the-nurse': day1 },
  },
  youth: {
    openingDays: [
      { day: 'monday', opens: '12:00', closes: '16:00' },
      { day: 'tuesday', opens: '12:00', closes: '19:00' },
      { day: 'wednesday', opens: '12:00', closes: '16:00' },
      { day: 'thursday', opens: '12:00', closes: '19:00' },
      { day: 'friday', opens: '10:00', closes: '14:00' },
    ],
    openingNote: 'Drop-in tisdagar och torsdagar 15–18.',
    description: (name) => ({
      sv: `${name} är till för dig mellan 13 och 22 år. Prata om kropp, sex, relationer och hur du mår – gratis och med tystnadsplikt.`,
      en: `${name} is for you between 13 and 22. Talk about your body, sex, relationships and how you feel – free and confidential.`,
    }),
    replyTimes: { 'request-appointment': day1, 'ask-the-nurse': day1, 'contact-me': day1 },
  },
  physiotherapy: {
    openingDays: days('07:30', '18:00', '15:00'),
    openingNote: null,
    description: (name) => ({
      sv: `${name} hjälper dig med besvär i rörelseapparaten, efter skador och operationer. Ingen remiss behövs.`,
      en: `${name} helps with muscle and joint problems, after injuries and operations. No referral needed.`,
    }),
    replyTimes: { 'cancel-or-reschedule-appointment': day1, 'request-appointment': days3 },
  },
  specialist: {
    openingDays: days('08:00', '16:00'),
    openingNote: null,
    description: (name) => ({
      sv: `${name} är en specialistmottagning, på remiss.`,
      en: `${name} is a specialist clinic, by referral.`,
    }),
    replyTimes: { 'cancel-or-reschedule-appointment': day1, 'contact-me': { amount: 5, unit: 'working-days' } },
  },
};

/** Contact cards for the demo's units, with numbers from the ranges reserved for fiction. */
export function demoContactCards(units: readonly CareUnit[]): DemoContactCard[] {
  const counters = new Map<string, number>();
  return units.map((unit) => {
    const n = counters.get(unit.regionCode) ?? 0;
    counters.set(unit.regionCode, n + 1);
    const phone = (FICTION_PHONE_RANGES[unit.regionCode] ?? OTHER_FICTION_PHONES)(n);
    const { description, ...card } = BY_KIND[unit.kind];
    return { unitHsaId: unit.hsaId, phone, description: description(unit.name), ...card };
  });
}
