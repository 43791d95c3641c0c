import type { Locale } from '../i18n/locale.ts';

// Dates and times are always shown as in Sweden: Swedish time zone and the Swedish numeric form
// (2026-11-22 14:30), in both languages, since the care the reader deals with happens in Sweden.
const TIME_ZONE = 'Europe/Stockholm';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** `2026-11-22 14:30` in Swedish time. */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

/** `2026-11-22` in Swedish time. */
export function formatDate(epochMs: number): string {
  return dateOnly.format(epochMs);
}

/** `14:30` in Swedish time. */
export function formatTime(epochMs: number): string {
  return timeOnly.format(epochMs);
}

/** The machine-readable form for `<time dateTime>`. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Today's date in Sweden, `YYYY-MM-DD`: what form date limits ("not in the past") count from. */
export function swedishToday(now = Date.now()): string {
  return dateOnly.format(now);
}

/** A number as the reader writes it: decimal comma in Swedish. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 10 }).format(value);
}

/** A personnummer as Swedish staff read it, `YYYYMMDD-XXXX` (anything not 12 digits as given). */
export function formatPersonnummer(personnummer: string): string {
  return /^\d{12}$/.test(personnummer) ? `${personnummer.slice(0, 8)}-${personnummer.slice(8)}` : personnummer;
}
