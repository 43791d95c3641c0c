import type { Locale } from './locale.ts';
import en from './messages.en.json';
import sv from './messages.sv.json';

/** Swedish is the source catalogue: every id the UI may use is a key of it. */
export type MessageId = keyof typeof sv;
export type Catalogue = Readonly<Record<MessageId, string>>;

// Typing each catalogue as `Catalogue` makes the compiler reject an English file that lacks a key.
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { sv, en };

// Registers the ids with react-intl so `formatMessage({ id })` and <FormattedMessage id> refuse
// an id that is not in the catalogue, at compile time instead of as a missing string on screen.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
    interface IntlConfig {
      locale: Locale;
    }
  }
}
