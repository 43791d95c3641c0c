import type { ErrandEventType, ErrandStatus } from '@kontakta/domain';

// The Swedish words the record copy uses (PDF and FHIR texts), as staff see them in the web app's
// catalogue (status.staff.*, history.*). The copy is for a Swedish record, so Swedish only.

export const STATUS_SV: Readonly<Record<ErrandStatus, string>> = {
  new: 'Nytt',
  open: 'Öppnat',
  assigned: 'Fördelat',
  answered: 'Besvarat',
  closed: 'Avslutat',
};

export const EVENT_SV: Readonly<Record<ErrandEventType, string>> = {
  sent: 'Skickat',
  opened: 'Öppnat av mottagningen',
  assigned: 'Fördelat',
  reassigned: 'Fördelat om',
  'taken-back': 'Taget tillbaka till mottagningens inkorg',
  answered: 'Besvarat',
  'citizen-replied': 'Invånaren svarade',
  'read-by-citizen': 'Svaret lästes av invånaren',
  closed: 'Avslutat',
  reopened: 'Öppnat igen',
  archived: 'Flyttat till arkivet av invånaren',
  unarchived: 'Flyttat tillbaka från arkivet av invånaren',
  'moved-to-cover-unit': 'Flyttat till täckande enhet under stängning',
};

export const MESSAGE_KIND_SV = {
  submission: 'Invånarens ärende',
  answer: 'Svar från mottagningen',
  'citizen-reply': 'Svar från invånaren',
} as const;

export const ROLE_SV: Readonly<Record<string, string>> = {
  receiver: 'mottagare',
  caregiver: 'vårdpersonal',
  'unit-administrator': 'enhetsadministratör',
};

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
