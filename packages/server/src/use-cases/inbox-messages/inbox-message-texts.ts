import type { Language } from '@kontakta/domain';

// The words of every inbox message the service sends. A message row keeps only the template name,
// whom it is about and non-personal values; the text is chosen when it is read, in the reader's
// language, and names are looked up then (so a name changed in the register shows the new one).

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

type Words = Readonly<{
  about: string;
  endDate: string;
  ageLimit: number;
  errandType: string;
  unit: string;
  cover: string;
}>;
type Text = Readonly<{ subject: (w: Words) => string; body: (w: Words) => string }>;

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

const ERRAND_DELETED_SOON: Record<Language, Text> = {
  sv: {
    subject: ({ errandType, endDate }) => `Ärendet ${errandType} tas bort den ${endDate}`,
    body: ({ errandType, unit, endDate }) =>
      `Ditt ärende ${errandType} till ${unit} tas bort den ${endDate}, eftersom ärenden sparas i Kontakta en begränsad tid efter den senaste händelsen. Vill du spara något ur ärendet, gör det före dess. Det som vården har dokumenterat i din journal påverkas inte.`,
  },
  en: {
    subject: ({ errandType, endDate }) => `The errand ${errandType} is deleted on ${endDate}`,
    body: ({ errandType, unit, endDate }) =>
      `Your errand ${errandType} to ${unit} is deleted on ${endDate}, because errands are kept in Kontakta for a limited time after their last event. If you want to keep anything from it, do so before then. What the care unit has written in your medical record is not affected.`,
  },
};

// The automatic reply to an errand sent while its unit is closed (issue 18): when to expect an
// answer, and where the errand went if a cover unit took it. `endDate` is the expected day.
const UNIT_CLOSED_REPLY: Record<Language, Text> = {
  sv: {
    subject: ({ unit }) => `${unit} har stängt just nu`,
    body: ({ errandType, unit, endDate }) =>
      `Vi har tagit emot ditt ärende ${errandType}. ${unit} har stängt under en period, så räkna med svar tidigast ${endDate}. Om det är bråttom, ring 1177 eller 112 vid fara för liv.`,
  },
  en: {
    subject: ({ unit }) => `${unit} is closed right now`,
    body: ({ errandType, unit, endDate }) =>
      `We have received your errand ${errandType}. ${unit} is closed for a period, so expect an answer on ${endDate} at the earliest. If it is urgent, call 1177, or 112 if life is in danger.`,
  },
};

const UNIT_CLOSED_COVER_REPLY: Record<Language, Text> = {
  sv: {
    subject: ({ cover }) => `Ditt ärende har skickats till ${cover}`,
    body: ({ errandType, unit, cover, endDate }) =>
      `${unit} har stängt under en period. Ditt ärende ${errandType} har därför skickats till ${cover}, som svarar i stället. Räkna med svar senast ${endDate}. Om det är bråttom, ring 1177 eller 112 vid fara för liv.`,
  },
  en: {
    subject: ({ cover }) => `Your errand has been sent to ${cover}`,
    body: ({ errandType, unit, cover, endDate }) =>
      `${unit} is closed for a period, so your errand ${errandType} has been sent to ${cover}, which answers instead. Expect an answer by ${endDate}. If it is urgent, call 1177, or 112 if life is in danger.`,
  },
};

const TEXTS: Record<InboxMessageTemplate, Record<Language, Text>> = {
  'unit-closed-reply': UNIT_CLOSED_REPLY,
  'unit-closed-cover-reply': UNIT_CLOSED_COVER_REPLY,
  'proxy-ends-soon-child': {
    sv: {
      subject: ({ endDate }) => `Dina vårdnadshavare kan inte sköta dina ärenden efter ${endDate}`,
      body: ({ endDate, ageLimit }) =>
        `Du fyller ${ageLimit} år den ${endDate}. Från den dagen kan dina vårdnadshavare inte längre skicka, läsa eller svara på dina ärenden i Kontakta åt dig. Då loggar du in själv med e-legitimation och ser dina ärenden.`,
    },
    en: {
      subject: ({ endDate }) => `Your guardians can no longer handle your errands after ${endDate}`,
      body: ({ endDate, ageLimit }) =>
        `You turn ${ageLimit} on ${endDate}. From that day your guardians can no longer send, read or reply to your errands in Kontakta for you. You then log in yourself with e-ID and see your errands.`,
    },
  },
  'proxy-ends-soon-guardian': {
    sv: {
      subject: ({ about, endDate }) => `Du är ombud för ${about} till och med dagen före ${endDate}`,
      body: ({ about, endDate, ageLimit }) =>
        `${about} fyller ${ageLimit} år den ${endDate}. Från den dagen kan du inte längre skicka eller läsa ${about}s ärenden i Kontakta, inte heller de du redan har skickat, och den e-postadress och det mobilnummer du har angett för ${about} tas bort.`,
    },
    en: {
      subject: ({ about, endDate }) => `You are proxy for ${about} until the day before ${endDate}`,
      body: ({ about, endDate, ageLimit }) =>
        `${about} turns ${ageLimit} on ${endDate}. From that day you can no longer send or read ${about}'s errands in Kontakta, not even those you sent, and the e-mail address and mobile number you gave for ${about} are deleted.`,
    },
  },
  'proxy-ends-reminder-child': {
    sv: {
      subject: ({ endDate }) => `Påminnelse: från ${endDate} sköter du dina ärenden själv`,
      body: ({ endDate }) =>
        `Om en vecka, den ${endDate}, kan dina vårdnadshavare inte längre sköta dina ärenden i Kontakta. Logga in själv med e-legitimation för att se dem.`,
    },
    en: {
      subject: ({ endDate }) => `Reminder: from ${endDate} you handle your errands yourself`,
      body: ({ endDate }) =>
        `In a week, on ${endDate}, your guardians can no longer handle your errands in Kontakta. Log in yourself with e-ID to see them.`,
    },
  },
  'proxy-ends-reminder-guardian': {
    sv: {
      subject: ({ about, endDate }) => `Påminnelse: ditt ombud för ${about} upphör ${endDate}`,
      body: ({ about, endDate }) =>
        `Om en vecka, den ${endDate}, upphör ditt ombud för ${about}. Läs det du behöver före dess: därefter kan du inte se ${about}s ärenden.`,
    },
    en: {
      subject: ({ about, endDate }) => `Reminder: your proxy for ${about} ends on ${endDate}`,
      body: ({ about, endDate }) =>
        `In a week, on ${endDate}, your proxy for ${about} ends. Read what you need before then: afterwards you cannot see ${about}'s errands.`,
    },
  },
  'errand-deleted-soon': ERRAND_DELETED_SOON,
  'proxy-ended-guardian': {
    sv: {
      subject: ({ about }) => `Ditt ombud för ${about} har upphört`,
      body: ({ about }) =>
        `Du är inte längre ombud för ${about} i Kontakta och kan inte se ${about}s ärenden. ${about} loggar in själv med e-legitimation.`,
    },
    en: {
      subject: ({ about }) => `Your proxy for ${about} has ended`,
      body: ({ about }) =>
        `You are no longer proxy for ${about} in Kontakta and cannot see ${about}'s errands. ${about} logs in with e-ID.`,
    },
  },
};

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

/** The message in the reader's language; undefined for a template this version does not know. */
export function renderInboxMessage(
  template: string,
  language: Language,
  about: string,
  values: InboxMessageValues,
): { from: string; subject: string; body: string } | undefined {
  if (!isTemplate(template)) return undefined;
  const words: Words = {
    about,
    endDate: longDate(values.endDate, language),
    ageLimit: values.ageLimit ?? 13,
    errandType: values.errandTypeName?.[language] ?? '',
    unit: values.unitName ?? '',
    cover: values.coverUnitName ?? '',
  };
  const text = TEXTS[template][language];
  return { from: SENDER[language], subject: text.subject(words), body: text.body(words) };
}
