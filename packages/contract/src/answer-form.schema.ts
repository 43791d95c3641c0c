import { type Static, Type } from 'typebox';

/** The form a caregiver answers an errand on: its type's answer form, in the version the errand was sent with. */
export const AnswerForm = Type.Object({
  definition: Type.Unknown({ description: 'A form definition (see @kontakta/domain forms).' }),
});
export type AnswerForm = Static<typeof AnswerForm>;
