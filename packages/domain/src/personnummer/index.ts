// Swedish personal identity numbers: parse every written form, tell kind, birth date, sex and age.

export type {
  LegalSex,
  ParsedPersonnummer,
  PersonnummerKind,
  PersonnummerParseResult,
  PersonnummerRefusal,
} from './personnummer.ts';
export { PERSONNUMMER_REFUSALS, parsePersonnummer, shortPersonnummer } from './personnummer.ts';
export { ageOn, dateOfBirthday, startOfBirthday } from './personnummer-age.ts';
export type { PersonnummerSpec } from './personnummer-generator.ts';
export { makePersonnummer } from './personnummer-generator.ts';
export { isValidPersonnummer } from './personnummer-package.ts';
export type { CalendarDate } from './stockholm-calendar.ts';
export {
  addCalendarDays,
  isoWeekday,
  startOfStockholmDay,
  stockholmCalendarDate,
  stockholmDate,
  stockholmWallTime,
} from './stockholm-calendar.ts';
