import type { Language } from '@kontakta/domain';
import { type ServerText, serverTexts } from '../../i18n/server-texts.ts';

// Every inbox message the service sends; the words are in the server's catalogue (i18n/). A message
// row keeps only the template name, whom it is about and non-personal values; the text is chosen
// when it is read, in the reader's language, and names are looked up then (so a name changed in
// the register shows the new one).

export type InboxMessageValues = Readonly<{
  /** ISO date, e.g. the day a proxy ends. */
  endDate?: string;
  ageLimit?: number;
  /** An errand type's name in both languages (never anything the citizen wrote). */
  errandTypeName?: Readonly<{ sv: string; en: string }>;
  unitName?: string;
  /** The unit that took the errand while its own unit was closed. */
  coverUnitName?: string;
}>;

export const INBOX_MESSAGE_TEMPLATES = [
  'proxy-ends-soon-child',
  'proxy-ends-soon-guardian',
  'proxy-ends-reminder-child',
  'proxy-ends-reminder-guardian',
  'proxy-ended-guardian',
  'errand-deleted-soon',
  'unit-closed-reply',
  'unit-closed-cover-reply',
] as const;
export type InboxMessageTemplate = (typeof INBOX_MESSAGE_TEMPLATES)[number];

const SENDER: Record<Language, string> = { sv: 'Kontakta', en: 'Kontakta' };

function isTemplate(name: string): name is InboxMessageTemplate {
  return (INBOX_MESSAGE_TEMPLATES as readonly string[]).includes(name);
}

function longDate(isoDate: string | undefined, language: Language): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

/**
 * The message in the reader's language (`inbox.<template>.subject` and `.body` in the server's
 * catalogue, i18n/); undefined for a template this version does not know. `text` is for tests.
 */
export function renderInboxMessage(
  template: string,
  language: Language,
  about: string,
  values: InboxMessageValues,
  text: ServerText = serverTexts(language),
): { from: string; subject: string; body: string } | undefined {
  if (!isTemplate(template)) return undefined;
  const words = {
    about,
    endDate: longDate(values.endDate, language),
    ageLimit: values.ageLimit ?? 13,
    errandType: values.errandTypeName?.[language] ?? '',
    unit: values.unitName ?? '',
    cover: values.coverUnitName ?? '',
  };
  return {
    from: SENDER[language],
    subject: text(`inbox.${template}.subject`, words),
    body: text(`inbox.${template}.body`, words),
  };
}
