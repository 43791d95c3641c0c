import {
  type FieldError,
  OPENING_HOURS_NOTE_MAX_LENGTH,
  type OpeningDay,
  REPLY_TIME_MAX_AMOUNT,
  type ReplyTime,
  UNIT_DESCRIPTION_MAX_LENGTH,
  type UnitContactSettingsBody,
  type VisitingAddress,
  WEEKDAYS,
} from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { type ServerMessageId, serverTexts, type TextValues } from '../../i18n/server-texts.ts';

// The checks of a contact card's settings, with messages in the administrator's language and
// paths naming the field (`body.openingHours.days.2.closes`). Pure: no database, no clock.

/** The settings as they are stored: trimmed, blanks as null, days in weekday order, times `HH:MM`. */
export type CleanContactSettings = Readonly<{
  phone: string | null;
  visitingAddress: VisitingAddress | null;
  openingDays: OpeningDay[];
  openingNote: string | null;
  description: { sv: string; en: string | null } | null;
  replyTimes: Array<ReplyTime & { errandType: string }>;
}>;

export type ContactSettingsCheck =
  | Readonly<{ ok: true; value: CleanContactSettings }>
  | Readonly<{ ok: false; errors: FieldError[] }>;

/** A message of the server catalogue and the values it takes. */
type Message = readonly [ServerMessageId, TextValues?];
const STREET_MAX_LENGTH = 100;
const CITY_MAX_LENGTH = 60;
const M = {
  phone: ['field.contact.phone'],
  street: ['field.contact.street', { max: STREET_MAX_LENGTH }],
  postalCode: ['field.contact.postal-code'],
  city: ['field.contact.city', { max: CITY_MAX_LENGTH }],
  time: ['field.contact.time'],
  order: ['field.contact.time-order'],
  duplicateDay: ['field.contact.duplicate-day'],
  note: ['field.contact.note', { max: OPENING_HOURS_NOTE_MAX_LENGTH }],
  description: ['field.contact.description', { max: UNIT_DESCRIPTION_MAX_LENGTH }],
  descriptionSvNeeded: ['field.contact.description-sv-needed'],
  characters: ['field.text-characters'],
  unknownType: ['field.contact.unknown-type'],
  duplicateType: ['field.contact.duplicate-type'],
  amount: ['field.contact.reply-time-amount', { max: REPLY_TIME_MAX_AMOUNT }],
} as const satisfies Record<string, Message>;

// Digits in groups, separated by one space or hyphen, with an optional leading +: 08-123 456 78,
// 010-123 45 67, +46 8 123 456 78, 1177.
const PHONE = /^\+?[0-9]+(?:[ -][0-9]+)*$/;
const POSTAL_CODE = /^([0-9]{3}) ?([0-9]{2})$/;
const TIME = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/;
const CONTROL = /\p{Cc}/u;
// Descriptions may have line breaks, nothing else below space.
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]/u;

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** `8:00` and `08.00` become `08:00`; undefined when it is no time of day. */
export function normalizedTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

export function checkContactSettings(
  input: UnitContactSettingsBody,
  unitErrandTypes: ReadonlySet<string>,
  language: Language,
): ContactSettingsCheck {
  const errors: FieldError[] = [];
  const text = serverTexts(language);
  const fail = (path: string, code: string, [id, values]: Message) =>
    errors.push({ path: `body.${path}`, code, message: text(id, values) });

  const phone = blankToNull(input.phone);
  if (phone !== null) {
    const digits = phone.replace(/[^0-9]/g, '').length;
    if (!PHONE.test(phone) || digits < 3 || digits > 15) fail('phone', 'invalid-phone', M.phone);
  }

  let visitingAddress: VisitingAddress | null = null;
  if (input.visitingAddress) {
    const street = input.visitingAddress.street.trim();
    const city = input.visitingAddress.city.trim();
    const postal = POSTAL_CODE.exec(input.visitingAddress.postalCode.trim());
    if (street === '' || street.length > STREET_MAX_LENGTH || CONTROL.test(street)) {
      fail('visitingAddress.street', 'invalid-street', M.street);
    }
    if (!postal) fail('visitingAddress.postalCode', 'invalid-postal-code', M.postalCode);
    if (city === '' || city.length > CITY_MAX_LENGTH || CONTROL.test(city))
      fail('visitingAddress.city', 'invalid-city', M.city);
    visitingAddress = { street, postalCode: postal ? `${postal[1]} ${postal[2]}` : '', city };
  }

  const openingDays: OpeningDay[] = [];
  const seenDays = new Set<string>();
  input.openingHours.days.forEach((day, i) => {
    const at = `openingHours.days.${i}`;
    if (seenDays.has(day.day)) fail(`${at}.day`, 'duplicate-day', M.duplicateDay);
    seenDays.add(day.day);
    const opens = normalizedTime(day.opens);
    const closes = normalizedTime(day.closes);
    if (opens === undefined) fail(`${at}.opens`, 'invalid-time', M.time);
    if (closes === undefined) fail(`${at}.closes`, 'invalid-time', M.time);
    if (opens !== undefined && closes !== undefined) {
      if (opens >= closes) fail(`${at}.closes`, 'closes-before-opens', M.order);
      openingDays.push({ day: day.day, opens, closes });
    }
  });
  openingDays.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));

  const openingNote = blankToNull(input.openingHours.note);
  if (openingNote !== null && (openingNote.length > OPENING_HOURS_NOTE_MAX_LENGTH || CONTROL.test(openingNote))) {
    fail('openingHours.note', 'invalid-note', M.note);
  }

  let description: CleanContactSettings['description'] = null;
  if (input.description) {
    const sv = blankToNull(input.description.sv);
    const en = blankToNull(input.description.en);
    for (const [lang, text] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      if (text === null) continue;
      if (text.length > UNIT_DESCRIPTION_MAX_LENGTH) fail(`description.${lang}`, 'too-long', M.description);
      else if (CONTROL_BUT_NEWLINE.test(text)) fail(`description.${lang}`, 'invalid-characters', M.characters);
    }
    if (sv === null && en !== null) fail('description.sv', 'required', M.descriptionSvNeeded);
    if (sv !== null) description = { sv, en };
  }

  const replyTimes: CleanContactSettings['replyTimes'] = [];
  const seenTypes = new Set<string>();
  input.replyTimes.forEach((reply, i) => {
    const at = `replyTimes.${i}`;
    if (!unitErrandTypes.has(reply.errandType)) fail(`${at}.errandType`, 'unknown-errand-type', M.unknownType);
    else if (seenTypes.has(reply.errandType)) fail(`${at}.errandType`, 'duplicate-errand-type', M.duplicateType);
    seenTypes.add(reply.errandType);
    if (reply.amount < 1 || reply.amount > REPLY_TIME_MAX_AMOUNT) fail(`${at}.amount`, 'out-of-range', M.amount);
    replyTimes.push({ errandType: reply.errandType, amount: reply.amount, unit: reply.unit });
  });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { phone, visitingAddress, openingDays, openingNote, description, replyTimes } };
}
