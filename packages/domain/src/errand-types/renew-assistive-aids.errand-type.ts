import { Type } from 'typebox';
import type { FieldCondition, FormDefinition, ItemNoun } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, otherInformationField, perItemDecisionGroup } from './shared-fields.ts';

export const RenewAssistiveAidsOptionsSchema = Type.Object({}, { additionalProperties: false });

export const MAX_AIDS_PER_ERRAND = 4;

const AID: ItemNoun = { one: t('hjälpmedel', 'aid'), other: t('hjälpmedel', 'aids') };

// Incontinence aids are sent to the citizen's home, so the delivery details are asked for as soon
// as any one of the aids is an incontinence aid.
const anyIncontinenceAid: FieldCondition = {
  kind: 'any-item-has-value',
  group: 'aids',
  field: 'isIncontinenceAid',
  value: true,
};

export function buildRenewAssistiveAidsForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'group',
        key: 'aids',
        label: t('Hjälpmedel som du vill förnya', 'Aids you would like to renew'),
        help: t(
          `Du kan förnya upp till ${MAX_AIDS_PER_ERRAND} hjälpmedel i samma ärende.`,
          `You can renew up to ${MAX_AIDS_PER_ERRAND} aids in the same errand.`,
        ),
        itemNoun: AID,
        minItems: 1,
        maxItems: MAX_AIDS_PER_ERRAND,
        fields: [
          {
            kind: 'short-text',
            key: 'productName',
            label: t('Produktnamn', 'Product name'),
            help: t(
              'Namnet eller artikelnumret som står på förpackningen.',
              'The name or article number printed on the package.',
            ),
            messageName: t('produktnamn', 'the product name'),
            required: true,
            maxLength: 200,
          },
          {
            kind: 'short-text',
            key: 'size',
            label: t('Storlek', 'Size'),
            messageName: t('storlek', 'the size'),
            maxLength: 50,
          },
          {
            kind: 'number',
            key: 'usePerDay',
            label: t('Hur många använder du per dygn?', 'How many do you use per day?'),
            messageName: t('antal per dygn', 'the number used per day'),
            integer: true,
            min: 0,
            max: 50,
          },
          {
            kind: 'number',
            key: 'packages',
            label: t('Antal förpackningar', 'Number of packages'),
            messageName: t('antal förpackningar', 'the number of packages'),
            required: true,
            integer: true,
            min: 1,
            max: 99,
          },
          {
            kind: 'yes-no',
            key: 'isIncontinenceAid',
            label: t('Är det ett inkontinenshjälpmedel?', 'Is it an incontinence aid?'),
            messageName: t('om det är ett inkontinenshjälpmedel', 'whether it is an incontinence aid'),
            required: true,
          },
        ],
      },
      {
        kind: 'short-text',
        key: 'freeCardNumber',
        label: t('Frikortsnummer', 'Free card number'),
        help: t('Om du har frikort för hjälpmedel.', 'If you have a free card for aids.'),
        messageName: t('frikortsnummer', 'the free card number'),
        maxLength: 30,
      },
      otherInformationField(),
      { kind: 'heading', key: 'deliveryHeading', label: t('Leverans', 'Delivery'), condition: anyIncontinenceAid },
      {
        kind: 'info',
        key: 'deliveryInfo',
        text: t(
          'Inkontinenshjälpmedel skickas hem till dig. Fyll i vart de ska levereras.',
          'Incontinence aids are delivered to your home. Fill in where they should be delivered.',
        ),
        condition: anyIncontinenceAid,
      },
      {
        kind: 'short-text',
        key: 'deliveryAddress',
        label: t('Leveransadress', 'Delivery address'),
        messageName: t('leveransadress', 'the delivery address'),
        required: true,
        maxLength: 200,
        condition: anyIncontinenceAid,
      },
      {
        kind: 'short-text',
        key: 'deliveryPostalCode',
        label: t('Postnummer', 'Postcode'),
        messageName: t('postnummer', 'the postcode'),
        required: true,
        maxLength: 10,
        condition: anyIncontinenceAid,
      },
      {
        kind: 'short-text',
        key: 'deliveryCity',
        label: t('Ort', 'Town or city'),
        messageName: t('ort', 'the town or city'),
        required: true,
        maxLength: 100,
        condition: anyIncontinenceAid,
      },
      {
        kind: 'phone',
        key: 'deliveryPhone',
        label: t('Telefonnummer för avisering', 'Phone number for delivery notices'),
        messageName: t('telefonnummer för avisering', 'the phone number for delivery notices'),
        required: true,
        condition: anyIncontinenceAid,
      },
      {
        kind: 'long-text',
        key: 'deliveryInstructions',
        label: t('Leveransinstruktioner', 'Delivery instructions'),
        help: t(
          'Till exempel portkod eller var paketet kan lämnas.',
          'For example a door code or where to leave the parcel.',
        ),
        maxLength: 500,
        condition: anyIncontinenceAid,
      },
    ],
  };
}

export function buildRenewAssistiveAidsAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      perItemDecisionGroup({
        key: 'aids',
        label: t('Beslut per hjälpmedel', 'Decision per aid'),
        itemNoun: AID,
        maxItems: MAX_AIDS_PER_ERRAND,
        itemLabel: t('Hjälpmedel', 'Aid'),
        yes: { value: 'ordered', sv: 'Beställt', en: 'Ordered' },
        no: { value: 'not-ordered', sv: 'Inte beställt', en: 'Not ordered' },
      }),
      {
        kind: 'date',
        key: 'expectedDelivery',
        label: t('Beräknad leverans', 'Expected delivery'),
        messageName: t('beräknad leverans', 'the expected delivery'),
        earliest: { daysFromToday: 0 },
      },
      ...answerClosingFields(),
    ],
  };
}

export const renewAssistiveAidsErrandType: BaseErrandType<
  typeof RenewAssistiveAidsOptionsSchema,
  'renew-assistive-aids'
> = {
  id: 'renew-assistive-aids',
  name: t('Förnya hjälpmedel', 'Renew assistive aids'),
  description: t(
    `Förnya förskrivningen av upp till ${MAX_AIDS_PER_ERRAND} hjälpmedel, till exempel inkontinenshjälpmedel.`,
    `Renew the prescription of up to ${MAX_AIDS_PER_ERRAND} aids, for example incontinence aids.`,
  ),
  optionsSchema: RenewAssistiveAidsOptionsSchema,
  buildCitizenForm: buildRenewAssistiveAidsForm,
  buildAnswerForm: buildRenewAssistiveAidsAnswerForm,
};
