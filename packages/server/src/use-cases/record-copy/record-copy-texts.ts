import type { ErrandEventType, ErrandStatus, Language } from '@kontakta/domain';
import { type ServerMessageId, type ServerText, serverTexts } from '../../i18n/server-texts.ts';

// The words the record copy uses (PDF and FHIR texts), in the language of the staff member who
// takes it, from the server's catalogue (record.*), as staff see them in the web app (status.staff.*,
// history.*). Dates and times stay Swedish-style in Stockholm time: the record is Swedish.

/** The catalogue a copy is written with: the staff member's language (a test may give another). */
export type RecordWords = Readonly<{ language: Language; text: ServerText }>;

export function recordWords(language: Language, text: ServerText = serverTexts(language)): RecordWords {
  return { language, text };
}

export const STATUS_TEXT: Readonly<Record<ErrandStatus, ServerMessageId>> = {
  new: 'record.status.new',
  open: 'record.status.open',
  assigned: 'record.status.assigned',
  answered: 'record.status.answered',
  closed: 'record.status.closed',
};

export const EVENT_TEXT: Readonly<Record<ErrandEventType, ServerMessageId>> = {
  sent: 'record.event.sent',
  opened: 'record.event.opened',
  assigned: 'record.event.assigned',
  reassigned: 'record.event.reassigned',
  'taken-back': 'record.event.taken-back',
  answered: 'record.event.answered',
  'citizen-replied': 'record.event.citizen-replied',
  'read-by-citizen': 'record.event.read-by-citizen',
  closed: 'record.event.closed',
  reopened: 'record.event.reopened',
  archived: 'record.event.archived',
  unarchived: 'record.event.unarchived',
  'moved-to-cover-unit': 'record.event.moved-to-cover-unit',
};

export const MESSAGE_KIND_TEXT = {
  submission: 'record.message-kind.submission',
  answer: 'record.message-kind.answer',
  'citizen-reply': 'record.message-kind.citizen-reply',
} as const satisfies Record<string, ServerMessageId>;

export const ROLE_TEXT: Readonly<Record<string, ServerMessageId>> = {
  receiver: 'record.role.receiver',
  caregiver: 'record.role.caregiver',
  'unit-administrator': 'record.role.unit-administrator',
};

export const WEEKDAY_TEXT: Readonly<Record<string, ServerMessageId>> = {
  monday: 'record.weekday.monday',
  tuesday: 'record.weekday.tuesday',
  wednesday: 'record.weekday.wednesday',
  thursday: 'record.weekday.thursday',
  friday: 'record.weekday.friday',
  saturday: 'record.weekday.saturday',
  sunday: 'record.weekday.sunday',
};

/** An event in words ("Fördelat"); the type itself for one the catalogue does not know. */
export function eventText(words: RecordWords, type: string): string {
  const id = Object.hasOwn(EVENT_TEXT, type) ? EVENT_TEXT[type as ErrandEventType] : undefined;
  return id ? words.text(id) : type;
}

/** The role a member of staff acted in ("mottagare"), or undefined for one the catalogue does not know. */
export function roleText(words: RecordWords, role: string | null): string | undefined {
  const id = role && Object.hasOwn(ROLE_TEXT, role) ? ROLE_TEXT[role] : undefined;
  return id ? words.text(id) : undefined;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment as Swedes read it, in Stockholm time: "2026-12-06 13:45". */
export function stockholmTime(epochMs: number): string {
  return STOCKHOLM.format(new Date(epochMs));
}

/** 191212121212 → 19121212-1212, as the record shows it. */
export function formatPersonnummer(personnummer: string): string {
  return /^\d{12}$/.test(personnummer) ? `${personnummer.slice(0, 8)}-${personnummer.slice(8)}` : personnummer;
}
