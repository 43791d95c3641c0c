import type { Language } from '@kontakta/domain';

// Every word Kontakta sends. A notification says only that there is something new to read and
// where to log in: no unit name (even "Barnmorskemottagningen" tells something about health), no
// errand type, no content. The one exception is the login code, which the SMS must carry.

export type TemplateValues = {
  /** Where the recipient logs in. */
  url: string;
  /** login-code only: the one-time code, digits only (checked before rendering). */
  code: string;
  /** login-code only: how long the code is valid. */
  validMinutes: number;
};

type EmailText = { subject: string; text: (v: TemplateValues) => string };
type SmsText = (v: TemplateValues) => string;
type Texts = { email?: Record<Language, EmailText>; sms?: Record<Language, SmsText> };

const AUTOMATIC = {
  sv: 'Det här är ett automatiskt meddelande från Kontakta och går inte att svara på. Av säkerhetsskäl står innehållet bara i Kontakta.',
  en: 'This is an automatic message from Kontakta; replies are not read. For your security, the content is only shown in Kontakta.',
} as const;

function citizenNews(sv: string, en: string): Texts {
  return {
    email: {
      sv: { subject: sv, text: ({ url }) => `Hej!\n\n${sv}. Logga in för att läsa:\n${url}\n\n${AUTOMATIC.sv}\n` },
      en: { subject: en, text: ({ url }) => `Hello,\n\n${en}. Log in to read it:\n${url}\n\n${AUTOMATIC.en}\n` },
    },
    sms: {
      sv: ({ url }) => `${sv}. Logga in för att läsa: ${url}`,
      en: ({ url }) => `${en}. Log in to read it: ${url}`,
    },
  };
}

/** Template name → channel → language. A name or channel missing here cannot be sent. */
export const TEMPLATE_TEXTS: Readonly<Record<string, Texts>> = {
  'errand-received': {
    email: {
      sv: {
        subject: 'Nytt ärende i Kontakta',
        text: ({ url }) =>
          `Hej!\n\nNi har fått ett nytt ärende i Kontakta. Logga in för att läsa det:\n${url}\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'New errand in Kontakta',
        text: ({ url }) =>
          `Hello,\n\nYou have a new errand in Kontakta. Log in to read it:\n${url}\n\n${AUTOMATIC.en}\n`,
      },
    },
  },
  'errand-reply-received': {
    email: {
      sv: {
        subject: 'Nytt meddelande från en invånare i Kontakta',
        text: ({ url }) =>
          `Hej!\n\nEn invånare har svarat i ett ärende hos er i Kontakta. Logga in för att läsa det:\n${url}\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'New message from a citizen in Kontakta',
        text: ({ url }) =>
          `Hello,\n\nA citizen has replied in one of your errands in Kontakta. Log in to read it:\n${url}\n\n${AUTOMATIC.en}\n`,
      },
    },
  },
  'errands-overdue': {
    email: {
      sv: {
        subject: 'Ärenden har passerat svarstiden i Kontakta',
        text: ({ url }) =>
          `Hej!\n\nEtt eller flera ärenden hos er mottagning har passerat svarstiden. Logga in och se Obesvarade:\n${url}\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'Errands past their reply time in Kontakta',
        text: ({ url }) =>
          `Hello,\n\nOne or more errands at your unit have passed their reply time. Log in and see Unanswered:\n${url}\n\n${AUTOMATIC.en}\n`,
      },
    },
  },
  'unit-daily-digest': {
    email: {
      sv: {
        subject: 'Nya ärenden och meddelanden i Kontakta',
        text: ({ url }) =>
          `Hej!\n\nSedan förra sammanfattningen har er mottagning fått nya ärenden eller meddelanden från invånare i Kontakta. Logga in för att läsa dem:\n${url}\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'New errands and messages in Kontakta',
        text: ({ url }) =>
          `Hello,\n\nSince the last summary your unit has received new errands or messages from citizens in Kontakta. Log in to read them:\n${url}\n\n${AUTOMATIC.en}\n`,
      },
    },
  },
  'errand-answered': citizenNews('Du har fått ett svar i Kontakta', 'You have an answer in Kontakta'),
  'new-message': citizenNews('Du har ett nytt meddelande i Kontakta', 'You have a new message in Kontakta'),
  'contact-verification': {
    email: {
      sv: {
        subject: 'Bekräfta din e-postadress i Kontakta',
        text: ({ code, validMinutes }) =>
          `Hej!\n\nDin kod för att bekräfta e-postadressen är ${code}. Skriv in den i Kontakta inom ${validMinutes} minuter.\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'Confirm your e-mail address in Kontakta',
        text: ({ code, validMinutes }) =>
          `Hello,\n\nYour code to confirm the e-mail address is ${code}. Enter it in Kontakta within ${validMinutes} minutes.\n\n${AUTOMATIC.en}\n`,
      },
    },
    sms: {
      sv: ({ code, validMinutes }) =>
        `Din kod för att bekräfta mobilnumret i Kontakta är ${code}. Den gäller i ${validMinutes} minuter.`,
      en: ({ code, validMinutes }) =>
        `Your code to confirm the mobile number in Kontakta is ${code}. It is valid for ${validMinutes} minutes.`,
    },
  },
  // To a verified address that was replaced or cleared: nothing about the new address, so that
  // whoever changed it learns nothing new, and the owner learns of a change they did not make.
  'contact-replaced': {
    email: {
      sv: {
        subject: 'Din e-postadress i Kontakta har ändrats',
        text: ({ url }) =>
          `Hej!\n\nDen här e-postadressen används inte längre för meddelanden från Kontakta. Om det inte var du som ändrade det, logga in och kontrollera dina inställningar:\n${url}\n\n${AUTOMATIC.sv}\n`,
      },
      en: {
        subject: 'Your e-mail address in Kontakta was changed',
        text: ({ url }) =>
          `Hello,\n\nThis e-mail address is no longer used for messages from Kontakta. If you did not change it, log in and check your settings:\n${url}\n\n${AUTOMATIC.en}\n`,
      },
    },
    sms: {
      sv: ({ url }) =>
        `Det här numret används inte längre för meddelanden från Kontakta. Var det inte du som ändrade det? Logga in och kontrollera dina inställningar: ${url}`,
      en: ({ url }) =>
        `This number is no longer used for messages from Kontakta. If you did not change it, log in and check your settings: ${url}`,
    },
  },
  'login-code': {
    sms: {
      sv: ({ code, validMinutes }) =>
        `Din inloggningskod till Kontakta är ${code}. Den gäller i ${validMinutes} minuter. Lämna aldrig ut koden till någon.`,
      en: ({ code, validMinutes }) =>
        `Your Kontakta login code is ${code}. It is valid for ${validMinutes} minutes. Never give the code to anyone.`,
    },
  },
};

/** Letters are PDFs made elsewhere; this only names them in listings (the development outbox). */
export const LETTER_DESCRIPTIONS: Readonly<Record<string, Record<Language, string>>> = {
  'password-letter': {
    sv: 'Lösenordsbrev (PDF) till utskrift och post',
    en: 'Password letter (PDF) for printing and post',
  },
};
