import type { Locale } from '../i18n/locale.ts';

// A closure's days as people say them: "29 juni–9 augusti 2027", "29 June–9 August 2027". The
// dates are Swedish calendar dates (`YYYY-MM-DD`), so they are formatted as dates, not instants.

function formatter(locale: Locale, withYear: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  });
}

function asDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** One day: "9 augusti 2027". */
export function closureDay(isoDate: string, locale: Locale): string {
  return formatter(locale, true).format(asDate(isoDate));
}

/** From the first to the last closed day, the year written once when both are in the same year. */
export function closureRange(startsOn: string, endsOn: string, locale: Locale): string {
  const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
  const start = formatter(locale, !sameYear).format(asDate(startsOn));
  return `${start}–${formatter(locale, true).format(asDate(endsOn))}`;
}
