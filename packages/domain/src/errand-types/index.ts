// The national base offering of errand types: citizen forms and answer forms built from a unit's
// options, as form definitions (see ../forms).
export {
  type AdviceOptions,
  AdviceOptionsSchema,
  buildAdviceAnswerForm,
  buildAdviceForm,
} from './advice.errand-type.ts';
export {
  type AskTheNurseOptions,
  AskTheNurseOptionsSchema,
  buildAskTheNurseAnswerForm,
  buildAskTheNurseForm,
  HEALTH_QUESTION_NAMES,
  HEALTH_QUESTIONS,
  type HealthQuestion,
} from './ask-the-nurse.errand-type.ts';
export {
  type BaseErrandFormsResult,
  type BaseErrandTypeId,
  baseErrandTypes,
  buildBaseErrandForms,
  findBaseErrandType,
  isBaseErrandTypeId,
  parseBaseErrandTypeOptions,
} from './base-errand-types.ts';
export {
  buildCancelOrRescheduleAppointmentAnswerForm,
  buildCancelOrRescheduleAppointmentForm,
  type CancelOrRescheduleAppointmentOptions,
  CancelOrRescheduleAppointmentOptionsSchema,
} from './cancel-or-reschedule-appointment.errand-type.ts';
export {
  buildChangeListingAnswerForm,
  buildChangeListingForm,
  ChangeListingOptionsSchema,
} from './change-listing.errand-type.ts';
export { buildContactMeAnswerForm, buildContactMeForm, ContactMeOptionsSchema } from './contact-me.errand-type.ts';
export { defaultOffering } from './default-offering.ts';
export type { BaseErrandType, OptionsParseResult } from './errand-type.ts';
export {
  buildExtendSickLeaveAnswerForm,
  buildExtendSickLeaveForm,
  ExtendSickLeaveOptionsSchema,
} from './extend-sick-leave.errand-type.ts';
export {
  buildOrderMedicalRecordCopyAnswerForm,
  buildOrderMedicalRecordCopyForm,
  OrderMedicalRecordCopyOptionsSchema,
} from './order-medical-record-copy.errand-type.ts';
export {
  buildRenewAssistiveAidsAnswerForm,
  buildRenewAssistiveAidsForm,
  MAX_AIDS_PER_ERRAND,
  RenewAssistiveAidsOptionsSchema,
} from './renew-assistive-aids.errand-type.ts';
export {
  buildRenewPrescriptionAnswerForm,
  buildRenewPrescriptionForm,
  MAX_MEDICINES_PER_ERRAND,
  type RenewPrescriptionOptions,
  RenewPrescriptionOptionsSchema,
} from './renew-prescription.errand-type.ts';
export {
  buildRequestAppointmentAnswerForm,
  buildRequestAppointmentForm,
  type RequestAppointmentOptions,
  RequestAppointmentOptionsSchema,
} from './request-appointment.errand-type.ts';
export {
  buildRequestCertificateAnswerForm,
  buildRequestCertificateForm,
  DEFAULT_CERTIFICATE_KINDS,
  OTHER_CERTIFICATE_KIND,
  type RequestCertificateOptions,
  RequestCertificateOptionsSchema,
} from './request-certificate.errand-type.ts';
export { answerClosingFields } from './shared-fields.ts';
