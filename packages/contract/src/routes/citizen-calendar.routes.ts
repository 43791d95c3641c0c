import { Type } from 'typebox';
import { CalendarMonthQuery, CalendarNote, CalendarNoteBody, CalendarNoteList } from '../calendar.schema.ts';
import { Id } from '../errands.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen'];
const NoteParams = Type.Object({ id: Id });

/** The citizen's private calendar: notes by month, add, change, delete. */
export const citizenCalendarRoutes = {
  listMonth: defineRoute({
    method: 'GET',
    path: '/api/citizen/calendar',
    audience: 'citizen',
    summary: 'My calendar notes in one month',
    tags,
    query: CalendarMonthQuery,
    status: 200,
    response: CalendarNoteList,
  }),
  addNote: defineRoute({
    method: 'POST',
    path: '/api/citizen/calendar',
    audience: 'citizen',
    summary: 'Add a calendar note',
    tags,
    body: CalendarNoteBody,
    status: 201,
    response: CalendarNote,
  }),
  changeNote: defineRoute({
    method: 'PUT',
    path: '/api/citizen/calendar/:id',
    audience: 'citizen',
    summary: 'Change a calendar note',
    tags,
    params: NoteParams,
    body: CalendarNoteBody,
    status: 200,
    response: CalendarNote,
  }),
  deleteNote: defineRoute({
    method: 'DELETE',
    path: '/api/citizen/calendar/:id',
    audience: 'citizen',
    summary: 'Delete a calendar note',
    tags,
    params: NoteParams,
    status: 204,
  }),
  exportIcs: defineRoute({
    method: 'GET',
    path: '/api/citizen/calendar.ics',
    audience: 'citizen',
    summary: 'My calendar as an iCalendar file',
    tags,
    status: 200,
    response: Type.String(),
    contentType: 'text/calendar',
  }),
} as const;
