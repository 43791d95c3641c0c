import { type Static, Type } from 'typebox';

// The citizen's private calendar: notes on appointments, vaccinations and the like.

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day in Sweden, `YYYY-MM-DD`.' });
const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: '`HH:MM`.' });

export const CALENDAR_TITLE_MAX_LENGTH = 200;
export const CALENDAR_TEXT_MAX_LENGTH = 2000;

export const CalendarNote = Type.Object(
  {
    id: Type.String(),
    date: Type.String(),
    /** Null: the whole day. */
    time: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    text: Type.String(),
    createdAt: Type.Integer(),
    updatedAt: Type.Integer(),
  },
  { $id: 'CalendarNote' },
);
export type CalendarNote = Static<typeof CalendarNote>;

export const CalendarNoteList = Type.Object({ items: Type.Array(CalendarNote) });
export type CalendarNoteList = Static<typeof CalendarNoteList>;

export const CalendarNoteBody = Type.Object(
  {
    date: IsoDate,
    time: Type.Union([TimeOfDay, Type.Null()]),
    title: Type.String({ minLength: 1, maxLength: CALENDAR_TITLE_MAX_LENGTH }),
    text: Type.String({ maxLength: CALENDAR_TEXT_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type CalendarNoteBody = Static<typeof CalendarNoteBody>;

export const CalendarMonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '`YYYY-MM`.' }) },
  { additionalProperties: false },
);
