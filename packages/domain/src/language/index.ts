export { isLanguage, LANGUAGES, type Language } from './language.ts';
export { numbersBeforeNouns } from './plural-lint.ts';
export { pseudoCatalogue, pseudoLocalize } from './pseudo-locale.ts';
