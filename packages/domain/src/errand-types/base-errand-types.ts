import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';
import { type DefinitionProblem, definitionProblem } from '../forms/definition-problems.ts';
import { schemaValueProblems } from '../forms/definition-structure-check.ts';
import type { FormDefinition } from '../forms/form-definition.schema.ts';
import { validateFormDefinition } from '../forms/form-definition-validator.ts';
import { adviceErrandType } from './advice.errand-type.ts';
import { askTheNurseErrandType } from './ask-the-nurse.errand-type.ts';
import { cancelOrRescheduleAppointmentErrandType } from './cancel-or-reschedule-appointment.errand-type.ts';
import { changeListingErrandType } from './change-listing.errand-type.ts';
import { contactMeErrandType } from './contact-me.errand-type.ts';
import type { BaseErrandType, OptionsParseResult } from './errand-type.ts';
import { extendSickLeaveErrandType } from './extend-sick-leave.errand-type.ts';
import { orderMedicalRecordCopyErrandType } from './order-medical-record-copy.errand-type.ts';
import { renewAssistiveAidsErrandType } from './renew-assistive-aids.errand-type.ts';
import { renewPrescriptionErrandType } from './renew-prescription.errand-type.ts';
import { requestAppointmentErrandType } from './request-appointment.errand-type.ts';
import { requestCertificateErrandType } from './request-certificate.errand-type.ts';

// The national base offering, in the order a contact card lists it. A custom errand type is not
// here: it is a definition the unit wrote, checked with validateFormDefinition.

export const baseErrandTypes = [
  cancelOrRescheduleAppointmentErrandType,
  requestAppointmentErrandType,
  requestCertificateErrandType,
  orderMedicalRecordCopyErrandType,
  askTheNurseErrandType,
  extendSickLeaveErrandType,
  renewPrescriptionErrandType,
  renewAssistiveAidsErrandType,
  contactMeErrandType,
  adviceErrandType,
  changeListingErrandType,
] as const;

export type BaseErrandTypeId = (typeof baseErrandTypes)[number]['id'];

const byId = new Map<string, BaseErrandType>(baseErrandTypes.map((type) => [type.id, type]));

export function findBaseErrandType(id: string): BaseErrandType | undefined {
  return byId.get(id);
}

export function isBaseErrandTypeId(id: string): id is BaseErrandTypeId {
  return byId.has(id);
}

/**
 * A deep copy of plain data. structuredClone, because it keeps an own "__proto__" key as data for
 * the schema check to refuse (TypeBox's Clone silently drops it); undefined for what is not data.
 */
function cloneData(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}

/**
 * A unit's options for a type, as an administrator sent them: missing options get their defaults,
 * anything else must match the type's option schema.
 */
export function parseBaseErrandTypeOptions<Options extends TObject>(
  type: BaseErrandType<Options>,
  input: unknown,
): OptionsParseResult<Static<Options>> {
  const raw = input === undefined || input === null ? {} : cloneData(input);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [definitionProblem('', 'wrong-type')] };
  }
  // Cloned before and after filling defaults: neither the caller's object nor a shared default
  // list may end up inside a stored form.
  const filled = cloneData(Value.Default(type.optionsSchema, raw));
  const problems = schemaValueProblems(type.optionsSchema, filled, '');
  if (problems.length > 0) return { ok: false, problems };
  const options = filled as Static<Options>;
  const ruleProblems = type.optionProblems?.(options) ?? [];
  return ruleProblems.length > 0 ? { ok: false, problems: ruleProblems } : { ok: true, value: options };
}

export type BaseErrandFormsResult =
  | {
      ok: true;
      type: BaseErrandType;
      options: Record<string, unknown>;
      citizenForm: FormDefinition;
      answerForm: FormDefinition;
    }
  | { ok: false; problems: DefinitionProblem[] };

/**
 * The citizen form and the answer form of a base type for a unit's options: what the server stores
 * as a new definition version when an administrator turns a type on or changes its options.
 */
export function buildBaseErrandForms(id: string, rawOptions: unknown): BaseErrandFormsResult {
  const type = findBaseErrandType(id);
  if (!type) return { ok: false, problems: [definitionProblem('', 'invalid-value')] };
  const parsed = parseBaseErrandTypeOptions(type, rawOptions);
  if (!parsed.ok) return parsed;
  const citizenForm = type.buildCitizenForm(parsed.value);
  const answerForm = type.buildAnswerForm(parsed.value);
  // A unit's options (its own certificate names, say) end up in the form, so the result is checked
  // like any definition an administrator saves.
  const problems = [
    ...validateFormDefinition(citizenForm).map((problem) => ({ ...problem, path: `citizenForm.${problem.path}` })),
    ...validateFormDefinition(answerForm).map((problem) => ({ ...problem, path: `answerForm.${problem.path}` })),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, type, options: parsed.value, citizenForm, answerForm };
}
