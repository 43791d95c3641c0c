import { createIntl, createIntlCache, IntlErrorCode, type IntlShape, type OnErrorFn } from '@formatjs/intl';
import type { Language } from '@kontakta/domain';
import en from './messages.en.json' with { type: 'json' };
import sv from './messages.sv.json' with { type: 'json' };

// The words the server writes (e-mail, SMS, letters, problem titles) in the web app's format: ICU
// messages read through @formatjs/intl, one JSON file a language, so a third language is a file.

/** Swedish is the source catalogue: every id the server may use is a key of it. */
export type ServerMessageId = keyof typeof sv;
export type ServerCatalogue = Readonly<Record<ServerMessageId, string>>;
export type ServerCatalogues = Readonly<Partial<Record<string, ServerCatalogue>>>;

// Typing each catalogue as `ServerCatalogue` makes the compiler reject an English file that lacks a key.
export const SERVER_CATALOGUES: Readonly<Record<Language, ServerCatalogue>> = { sv, en };

const SOURCE_LANGUAGE = 'sv';

export type TextValues = Readonly<Record<string, string | number>>;
/** `text('sms.login-code', { code, validMinutes })`: one message in one language. */
export type ServerText = (id: ServerMessageId, values?: TextValues) => string;

/**
 * Missing translations fall back to Swedish (the message's `defaultMessage`); anything else wrong
 * with a message (bad syntax, a value not given) is a bug and throws, so tests see it.
 */
const throwUnlessMissingTranslation: OnErrorFn = (error) => {
  if (error.code !== IntlErrorCode.MISSING_TRANSLATION) throw error;
};

const cache = createIntlCache();
const shipped = new Map<string, IntlShape>();

function intlFor(language: string, catalogues: ServerCatalogues, onError: OnErrorFn): IntlShape {
  const catalogue = Object.hasOwn(catalogues, language) ? catalogues[language] : undefined;
  return createIntl(
    {
      // A language without a catalogue is written in Swedish, with Swedish plural rules.
      locale: catalogue ? language : SOURCE_LANGUAGE,
      defaultLocale: SOURCE_LANGUAGE,
      messages: catalogue ?? catalogues[SOURCE_LANGUAGE] ?? sv,
      onError,
    },
    cache,
  );
}

/**
 * The server's texts in one language. `catalogues` and `onError` are for tests (the pseudo-locale
 * check); the shipped catalogues' formatters are made once per language.
 */
export function serverTexts(
  language: string,
  options: Readonly<{ catalogues?: ServerCatalogues; onError?: OnErrorFn }> = {},
): ServerText {
  const custom = options.catalogues !== undefined || options.onError !== undefined;
  const onError = options.onError ?? throwUnlessMissingTranslation;
  let formatter: IntlShape;
  if (custom) formatter = intlFor(language, options.catalogues ?? SERVER_CATALOGUES, onError);
  else {
    // One formatter per shipped language; any other language shares Swedish's.
    const key = Object.hasOwn(SERVER_CATALOGUES, language) ? language : SOURCE_LANGUAGE;
    formatter = shipped.get(key) ?? intlFor(key, SERVER_CATALOGUES, onError);
    shipped.set(key, formatter);
  }
  return (id, values) => String(formatter.formatMessage({ id, defaultMessage: sv[id] }, values));
}
