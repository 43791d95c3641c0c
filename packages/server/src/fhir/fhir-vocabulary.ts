import type { LocalizedText, Weekday } from '@kontakta/domain';
import type { Coding, Element, Extension } from '@medplum/fhirtypes';

// The FHIR R4 vocabulary the form exports share: extension URLs from the core specification and
// SDC, how Swedish-first texts carry their English translation, and how a form field's options
// become codings. Pure data; no I/O.

export const EXTENSION = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  minLength: 'http://hl7.org/fhir/StructureDefinition/minLength',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
export const DAYS_OF_WEEK_SYSTEM = 'http://hl7.org/fhir/days-of-week';

/** A primitive's `_x` sibling, carrying the English text as a translation extension. */
export type TranslatedElement = Element;

/** Swedish is the resource's language; English rides along on every text. */
export function translationOf(text: LocalizedText): TranslatedElement {
  return {
    extension: [
      {
        url: EXTENSION.translation,
        extension: [
          { url: 'lang', valueCode: 'en' },
          { url: 'content', valueString: text.en },
        ],
      },
    ],
  };
}

export function itemControl(code: 'help' | 'drop-down' | 'radio-button' | 'check-box'): Extension {
  return { url: EXTENSION.itemControl, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] } };
}

/** Field keys are unique per level and contain no dots, so dotted paths are unique in a form. */
export function linkIdOf(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** The code system of one choice field's options: the questionnaire's canonical URL and the item. */
export function optionSystem(questionnaireUrl: string, linkId: string): string {
  return `${questionnaireUrl}/options/${linkId}`;
}

const DAY_CODES: Record<Weekday, { code: string; sv: string; en: string }> = {
  monday: { code: 'mon', sv: 'Måndag', en: 'Monday' },
  tuesday: { code: 'tue', sv: 'Tisdag', en: 'Tuesday' },
  wednesday: { code: 'wed', sv: 'Onsdag', en: 'Wednesday' },
  thursday: { code: 'thu', sv: 'Torsdag', en: 'Thursday' },
  friday: { code: 'fri', sv: 'Fredag', en: 'Friday' },
  saturday: { code: 'sat', sv: 'Lördag', en: 'Saturday' },
  sunday: { code: 'sun', sv: 'Söndag', en: 'Sunday' },
};

/** A weekday as FHIR's days-of-week code, named in Swedish with the English translation. */
export function weekdayCoding(day: Weekday): Coding & { _display: TranslatedElement } {
  const entry = DAY_CODES[day];
  return { system: DAYS_OF_WEEK_SYSTEM, code: entry.code, display: entry.sv, _display: translationOf(entry) };
}

/** FHIR `time` has seconds; the forms store `HH:MM`. */
export function fhirTime(time: string): string {
  return /^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;
}

/** The Swedish personal identity number's identifier system (Skatteverket's OID). */
export const PERSONNUMMER_SYSTEM = 'urn:oid:1.2.752.129.2.1.3.1';

/**
 * The personnummer as HL7 Sweden's base profiles (SEBasePatient) name it; the record copy uses it
 * for the Patient, where Swedish record systems look for it.
 */
export const SE_PERSONNUMMER_SYSTEM = 'http://electronichealth.se/identifier/personnummer';

/** HSA-id, the Swedish directory's identifier of staff and care units (Inera's OID). */
export const HSA_ID_SYSTEM = 'urn:oid:1.2.752.129.2.1.4.1';
