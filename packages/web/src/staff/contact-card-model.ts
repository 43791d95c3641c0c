import {
  type ReplyTimeUnit,
  type UnitContactSettings,
  type UnitContactSettingsBody,
  WEEKDAYS,
  type Weekday,
} from '@kontakta/contract';

// The contact-card form's state as the administrator types it, the body sent from it, and which
// field a server refusal (`body.openingHours.days.1.closes`) belongs to.

export type ContactDraft = {
  phone: string;
  /** True: the catalogue's address is the visiting address, and the three fields are not sent. */
  catalogueAddress: boolean;
  street: string;
  postalCode: string;
  city: string;
  hours: Record<Weekday, { opens: string; closes: string }>;
  note: string;
  descriptionSv: string;
  descriptionEn: string;
  replyTimes: Record<string, { amount: string; unit: ReplyTimeUnit }>;
};

export const FIELD_IDS = {
  phone: 'contact-card-phone',
  catalogueAddress: 'contact-card-catalogue-address',
  street: 'contact-card-street',
  postalCode: 'contact-card-postal-code',
  city: 'contact-card-city',
  note: 'contact-card-note',
  descriptionSv: 'contact-card-description-sv',
  descriptionEn: 'contact-card-description-en',
} as const;

export const hoursFieldId = (day: Weekday, edge: 'opens' | 'closes') => `contact-card-${day}-${edge}`;
export const replyFieldId = (errandType: string) => `contact-card-reply-${errandType}`;

export function draftOf(settings: UnitContactSettings): ContactDraft {
  const address = settings.visitingAddress;
  const byDay = new Map(settings.openingHours.days.map((day) => [day.day, day]));
  return {
    phone: settings.phone ?? '',
    catalogueAddress: address === null,
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    hours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, { opens: byDay.get(day)?.opens ?? '', closes: byDay.get(day)?.closes ?? '' }]),
    ) as ContactDraft['hours'],
    note: settings.openingHours.note ?? '',
    descriptionSv: settings.description?.sv ?? '',
    descriptionEn: settings.description?.en ?? '',
    replyTimes: Object.fromEntries(
      settings.replyTimes.map((type) => [
        type.errandType,
        { amount: type.replyTime ? String(type.replyTime.amount) : '', unit: type.replyTime?.unit ?? 'working-days' },
      ]),
    ),
  };
}

export type BuiltBody = Readonly<{
  body: UnitContactSettingsBody;
  /** Reply times that are not whole numbers, by field id: the server cannot be asked about those. */
  notNumbers: string[];
}>;

const orNull = (text: string) => (text.trim() === '' ? null : text);

export function bodyOf(draft: ContactDraft): BuiltBody {
  const notNumbers: string[] = [];
  const replyTimes: UnitContactSettingsBody['replyTimes'] = [];
  for (const [errandType, reply] of Object.entries(draft.replyTimes)) {
    const amount = reply.amount.trim();
    if (amount === '') continue;
    if (!/^[0-9]{1,3}$/.test(amount)) notNumbers.push(replyFieldId(errandType));
    else replyTimes.push({ errandType, amount: Number(amount), unit: reply.unit });
  }
  const descriptionSv = draft.descriptionSv.trim();
  const descriptionEn = draft.descriptionEn.trim();
  return {
    body: {
      phone: orNull(draft.phone),
      visitingAddress: draft.catalogueAddress
        ? null
        : { street: draft.street, postalCode: draft.postalCode, city: draft.city },
      openingHours: {
        days: WEEKDAYS.filter(
          (day) => draft.hours[day].opens.trim() !== '' || draft.hours[day].closes.trim() !== '',
        ).map((day) => ({ day, opens: draft.hours[day].opens, closes: draft.hours[day].closes })),
        note: orNull(draft.note),
      },
      description:
        descriptionSv === '' && descriptionEn === '' ? null : { sv: descriptionSv, en: orNull(descriptionEn) },
      replyTimes,
    },
    notNumbers,
  };
}

/** The form field a refusal's path names, given the body that was sent; undefined for none. */
export function fieldIdOfPath(path: string, sent: UnitContactSettingsBody): string | undefined {
  const parts = path.split('.');
  if (parts[0] !== 'body') return undefined;
  switch (parts[1]) {
    case 'phone':
      return FIELD_IDS.phone;
    case 'visitingAddress': {
      const field = parts[2];
      return field === 'street' || field === 'postalCode' || field === 'city' ? FIELD_IDS[field] : FIELD_IDS.street;
    }
    case 'openingHours': {
      if (parts[2] === 'note') return FIELD_IDS.note;
      const day = sent.openingHours.days[Number(parts[3])]?.day;
      if (!day) return undefined;
      return hoursFieldId(day, parts[4] === 'opens' ? 'opens' : 'closes');
    }
    case 'description':
      return parts[2] === 'en' ? FIELD_IDS.descriptionEn : FIELD_IDS.descriptionSv;
    case 'replyTimes': {
      const type = sent.replyTimes[Number(parts[2])]?.errandType;
      return type ? replyFieldId(type) : undefined;
    }
    default:
      return undefined;
  }
}
