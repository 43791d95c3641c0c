import type { FieldCondition, FormField, ItemNoun } from '../forms/form-definition.schema.ts';
import { localizedText as t } from './errand-type.ts';

// Fields that several errand types share, so that the same question reads the same everywhere.

const NOT_IN_THE_PAST = { daysFromToday: 0 };

/** The "days that do not suit" fields a unit can turn on for appointment errands. */
export function unsuitableDaysFields(condition?: FieldCondition): FormField[] {
  const shown = condition ? { condition } : {};
  return [
    {
      kind: 'weekdays',
      key: 'unsuitableWeekdays',
      label: t('Veckodagar som inte passar', 'Weekdays that do not suit you'),
      messageName: t('veckodagar som inte passar', 'weekdays that do not suit you'),
      ...shown,
    },
    {
      kind: 'date-list',
      key: 'unsuitableDates',
      label: t('Datum som inte passar', 'Dates that do not suit you'),
      help: t(
        'Till exempel när du är bortrest. Du kan ange upp till 10 datum.',
        'For example when you are away. You can enter up to 10 dates.',
      ),
      messageName: t('datum som inte passar', 'dates that do not suit you'),
      earliest: NOT_IN_THE_PAST,
      maxItems: 10,
      ...shown,
    },
  ];
}

export function otherInformationField(): FormField {
  return {
    kind: 'long-text',
    key: 'otherInformation',
    label: t('Övrig information', 'Other information'),
    maxLength: 2000,
  };
}

/** A proposed appointment in an answer: date, time, place and caregiver. */
export function appointmentProposalFields(condition: FieldCondition): FormField[] {
  return [
    {
      kind: 'date',
      key: 'proposedDate',
      label: t('Datum', 'Date'),
      messageName: t('datum för tiden', 'the date of the appointment'),
      required: true,
      earliest: NOT_IN_THE_PAST,
      condition,
    },
    {
      kind: 'time',
      key: 'proposedTime',
      label: t('Klockslag', 'Time'),
      messageName: t('klockslag för tiden', 'the time of the appointment'),
      required: true,
      condition,
    },
    {
      kind: 'short-text',
      key: 'place',
      label: t('Plats', 'Place'),
      help: t('Till exempel mottagningens adress och våning.', "For example the clinic's address and floor."),
      messageName: t('plats', 'the place'),
      required: true,
      maxLength: 200,
      condition,
    },
    {
      kind: 'short-text',
      key: 'caregiver',
      label: t('Vårdgivare', 'Caregiver'),
      help: t('Namn och yrke på den du ska träffa.', 'Name and profession of the person you will see.'),
      maxLength: 200,
      condition,
    },
  ];
}

/** The caregiver's decision on an errand, from the type's own list of outcomes. */
export function outcomeField(options: Array<{ value: string; label: { sv: string; en: string } }>): FormField {
  return {
    kind: 'single-choice',
    key: 'outcome',
    label: t('Beslut', 'Decision'),
    messageName: t('beslut', 'a decision'),
    required: true,
    options,
  };
}

/** Every answer ends with a message and whether the citizen may reply in the thread. */
export function answerClosingFields(): FormField[] {
  return [
    {
      kind: 'long-text',
      key: 'message',
      label: t('Meddelande till invånaren', 'Message to the citizen'),
      messageName: t('ett meddelande till invånaren', 'a message to the citizen'),
      required: true,
      maxLength: 5000,
    },
    {
      kind: 'yes-no',
      key: 'citizenMayReply',
      label: t('Får invånaren svara på meddelandet?', 'May the citizen reply to the message?'),
      messageName: t('om invånaren får svara', 'whether the citizen may reply'),
      required: true,
    },
  ];
}

/**
 * An answer per item of the citizen's list (per medicine, per aid): the item's name, which the
 * server fills in from the errand, a decision, and a reason when the decision is no.
 */
export function perItemDecisionGroup(spec: {
  key: string;
  label: { sv: string; en: string };
  itemNoun: ItemNoun;
  maxItems: number;
  itemLabel: { sv: string; en: string };
  yes: { value: string; sv: string; en: string };
  no: { value: string; sv: string; en: string };
}): FormField {
  return {
    kind: 'group',
    key: spec.key,
    label: spec.label,
    itemNoun: spec.itemNoun,
    minItems: 1,
    maxItems: spec.maxItems,
    fields: [
      { kind: 'short-text', key: 'item', label: spec.itemLabel, required: true, maxLength: 200 },
      {
        kind: 'single-choice',
        key: 'decision',
        label: t('Beslut', 'Decision'),
        messageName: t('beslut', 'a decision'),
        required: true,
        options: [
          { value: spec.yes.value, label: t(spec.yes.sv, spec.yes.en) },
          { value: spec.no.value, label: t(spec.no.sv, spec.no.en) },
        ],
      },
      {
        kind: 'long-text',
        key: 'reason',
        label: t('Anledning', 'Reason'),
        messageName: t('anledningen', 'the reason'),
        required: true,
        maxLength: 1000,
        condition: { kind: 'has-value', field: 'decision', value: spec.no.value },
      },
    ],
  };
}
