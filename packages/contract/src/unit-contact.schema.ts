import { type Static, Type } from 'typebox';
import { ErrandTypeId } from './errand-types.schema.ts';

// What a unit's contact card says about the unit itself, as the citizen reads it and as its
// administrators set it: phone, visiting address, opening hours, a description, and the reply
// time it promises for each errand type.

const strict = { additionalProperties: false } as const;
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const REPLY_TIME_UNITS = ['working-days', 'working-hours'] as const;
export type ReplyTimeUnit = (typeof REPLY_TIME_UNITS)[number];

/** Limits the server holds the administrator's texts to (the web app shows them as counters). */
export const UNIT_DESCRIPTION_MAX_LENGTH = 600;
export const OPENING_HOURS_NOTE_MAX_LENGTH = 200;
export const REPLY_TIME_MAX_AMOUNT = 60;

/** One weekday's opening, `HH:MM` on the Swedish clock; a day left out is closed. */
export const OpeningDay = Type.Object({
  day: Type.Enum(WEEKDAYS),
  opens: Type.String(),
  closes: Type.String(),
});
export type OpeningDay = Static<typeof OpeningDay>;

export const OpeningHours = Type.Object({
  days: Type.Array(OpeningDay),
  /** Free text beside the times, e.g. "Lunchstängt 12–13". */
  note: Type.Union([Type.String(), Type.Null()]),
});
export type OpeningHours = Static<typeof OpeningHours>;

/** "Svar inom 3 arbetsdagar": a whole number of working days or working hours. */
export const ReplyTime = Type.Object({ amount: Type.Integer(), unit: Type.Enum(REPLY_TIME_UNITS) });
export type ReplyTime = Static<typeof ReplyTime>;

export const VisitingAddress = Type.Object({ street: Type.String(), postalCode: Type.String(), city: Type.String() });
export type VisitingAddress = Static<typeof VisitingAddress>;

/** The unit's own part of its contact card, as the citizen reads it. */
export const UnitContactDetails = Type.Object({
  phone: Type.Union([Type.String(), Type.Null()]),
  /** The unit's own visiting address, or the catalogue's address when it has set none. */
  visitingAddress: VisitingAddress,
  openingHours: OpeningHours,
  /** English may be missing: the web app then shows the Swedish text. */
  description: Type.Union([
    Type.Object({ sv: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});
export type UnitContactDetails = Static<typeof UnitContactDetails>;

/** The contact card's settings as its administrators see them. */
export const UnitContactSettings = Type.Object(
  {
    phone: Type.Union([Type.String(), Type.Null()]),
    /** Null: the catalogue's address (`catalogueAddress`) is the visiting address. */
    visitingAddress: Type.Union([VisitingAddress, Type.Null()]),
    catalogueAddress: VisitingAddress,
    openingHours: OpeningHours,
    description: Type.Union([
      Type.Object({ sv: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
      Type.Null(),
    ]),
    /** The unit's errand types (those it may offer), each with its reply time or null. */
    replyTimes: Type.Array(
      Type.Object({
        errandType: Type.String(),
        name: Type.Object({ sv: Type.String(), en: Type.String() }),
        enabled: Type.Boolean(),
        replyTime: Type.Union([ReplyTime, Type.Null()]),
      }),
    ),
    updatedAt: Type.Union([Timestamp, Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'UnitContactSettings' },
);
export type UnitContactSettings = Static<typeof UnitContactSettings>;

// The body's texts are bounded here against abuse; their real limits and formats are checked by
// the server, which answers in the reader's language naming the field.
const Text = (maxLength: number) => Type.String({ maxLength });

export const UnitContactSettingsBody = Type.Object(
  {
    /** Swedish or international form: `08-123 456 78`, `+46 8 123 456 78`; null: none shown. */
    phone: Type.Union([Text(40), Type.Null()]),
    visitingAddress: Type.Union([
      Type.Object({ street: Text(200), postalCode: Text(20), city: Text(200) }, strict),
      Type.Null(),
    ]),
    openingHours: Type.Object(
      {
        days: Type.Array(Type.Object({ day: Type.Enum(WEEKDAYS), opens: Text(10), closes: Text(10) }, strict), {
          maxItems: 7,
        }),
        note: Type.Union([Text(1000), Type.Null()]),
      },
      strict,
    ),
    description: Type.Union([
      Type.Object({ sv: Text(5000), en: Type.Union([Text(5000), Type.Null()]) }, strict),
      Type.Null(),
    ]),
    /** Every errand type with a reply time; types left out have none. */
    replyTimes: Type.Array(
      Type.Object(
        {
          errandType: ErrandTypeId,
          amount: Type.Integer({ minimum: -1000, maximum: 1000 }),
          unit: Type.Enum(REPLY_TIME_UNITS),
        },
        strict,
      ),
      { maxItems: 100 },
    ),
  },
  strict,
);
export type UnitContactSettingsBody = Static<typeof UnitContactSettingsBody>;

// Scheduled closures (issue 18, beyond 1177): dates are Swedish calendar dates `YYYY-MM-DD`,
// both ends included.

/** The longest note a closure may carry, per language. */
export const CLOSURE_MESSAGE_MAX_LENGTH = 300;

const ClosureMessage = Type.Union([
  Type.Object({ sv: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  Type.Null(),
]);
const CoverUnit = Type.Union([Type.Object({ hsaId: Type.String(), name: Type.String() }), Type.Null()]);

/** A closure as the unit's administrators see it. */
export const UnitClosure = Type.Object({
  id: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  /** The errand types citizens may still send during the closure. */
  keepsOpen: Type.Array(Type.String()),
  message: ClosureMessage,
  /** The unit that takes errands sent during the closure. */
  coverUnit: CoverUnit,
  createdAt: Timestamp,
  createdBy: Type.String(),
});
export type UnitClosure = Static<typeof UnitClosure>;

export const UnitClosureList = Type.Object({ items: Type.Array(UnitClosure) });

export const UnitClosureBody = Type.Object(
  {
    startsOn: Text(20),
    endsOn: Text(20),
    keepsOpen: Type.Array(ErrandTypeId, { maxItems: 100 }),
    message: Type.Union([
      Type.Object({ sv: Text(5000), en: Type.Union([Text(5000), Type.Null()]) }, strict),
      Type.Null(),
    ]),
    /** A unit of the same region, by HSA id; null: no cover unit. */
    coverUnitHsaId: Type.Union([Text(100), Type.Null()]),
  },
  strict,
);
export type UnitClosureBody = Static<typeof UnitClosureBody>;

/** The closure a citizen sees on the contact card: the one going on, or the next one. */
export const ContactCardClosure = Type.Object({
  startsOn: Type.String(),
  endsOn: Type.String(),
  /** True while it goes on: only the types in `keepsOpen` can be sent. */
  active: Type.Boolean(),
  keepsOpen: Type.Array(Type.String()),
  message: ClosureMessage,
  coverUnit: CoverUnit,
  /** The first working day after the closure: when to expect an answer to what is sent during it. */
  expectAnswerOn: Type.Union([Type.String(), Type.Null()]),
});
export type ContactCardClosure = Static<typeof ContactCardClosure>;
