export { isLanguage, LANGUAGES, type Language } from './language.ts';
