import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from '../../../server/src/i18n/messages.en.json' with { type: 'json' };
import sv from '../../../server/src/i18n/messages.sv.json' with { type: 'json' };
import type { Language } from '../language/language.ts';
import { type AnswerMessage, renderAnswerMessage } from './answer-messages.ts';
import type { DefinitionMessage } from './definition-problems.ts';
import type { LocalizedText } from './form-definition.schema.ts';

// The domain's tests read its answer messages (and definition problems) as a citizen does: written out with the shipped
// catalogue (the server's; the web app's `answer.*` messages are the same, which the server's
// tests check). A missing id or value throws here rather than printing the id.

const cache = createIntlCache();
const intls: Record<Language, IntlShape> = {
  sv: createIntl({ locale: 'sv', messages: sv, onError: fail }, cache),
  en: createIntl({ locale: 'en', messages: en, onError: fail }, cache),
};

function fail(error: Error): never {
  throw error;
}

/** One answer message as text in one language. */
export function answerText(message: AnswerMessage, language: Language): string {
  const intl = intls[language];
  return renderAnswerMessage(message, language, (id, values) => intl.formatMessage({ id }, values));
}

/** The message in both languages, as tests compare it. */
export function answerTexts(message: AnswerMessage): LocalizedText {
  return { sv: answerText(message, 'sv'), en: answerText(message, 'en') };
}

/** Errors with their messages written out in both languages. */
export function withTexts<E extends { message: AnswerMessage }>(
  errors: readonly E[],
): (Omit<E, 'message'> & { message: LocalizedText })[] {
  return errors.map((error) => ({ ...error, message: answerTexts(error.message) }));
}

/** A definition problem's message in both languages. */
export function definitionTexts(message: DefinitionMessage): LocalizedText {
  const text = (language: Language) => intls[language].formatMessage({ id: message.id }, message.values);
  return { sv: text('sv'), en: text('en') };
}

/** Definition problems with their messages written out in both languages. */
export function withDefinitionTexts<P extends { message: DefinitionMessage }>(
  problems: readonly P[],
): (Omit<P, 'message'> & { message: LocalizedText })[] {
  return problems.map((problem) => ({ ...problem, message: definitionTexts(problem.message) }));
}
