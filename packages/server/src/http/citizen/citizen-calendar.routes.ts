import { CalendarMonthQuery, CalendarNote, CalendarNoteBody, CalendarNoteList, Id, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { addCalendarNote } from '../../use-cases/calendar/add-calendar-note.ts';
import { changeCalendarNote } from '../../use-cases/calendar/change-calendar-note.ts';
import { deleteCalendarNote } from '../../use-cases/calendar/delete-calendar-note.ts';
import { exportCalendar } from '../../use-cases/calendar/export-calendar.ts';
import { listCalendarMonth } from '../../use-cases/calendar/list-calendar-notes.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };
const NoteParams = Type.Object({ id: Id });

/** The citizen's private calendar: notes by month, add, change, delete, and an .ics download. */
export async function citizenCalendarRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get(
    '/api/citizen/calendar',
    {
      schema: {
        tags,
        summary: 'My calendar notes in one month',
        querystring: CalendarMonthQuery,
        response: { 200: CalendarNoteList, ...errors },
      },
    },
    async (request) =>
      listCalendarMonth(
        contextFor(services, requireCitizen(request)),
        (request.query as Static<typeof CalendarMonthQuery>).month,
      ),
  );

  app.post(
    '/api/citizen/calendar',
    {
      schema: {
        tags,
        summary: 'Add a calendar note',
        body: CalendarNoteBody,
        response: { 201: CalendarNote, ...errors },
      },
    },
    async (request, reply) => {
      const note = await addCalendarNote(
        contextFor(services, requireCitizen(request)),
        request.body as Static<typeof CalendarNoteBody>,
        requestLanguage(request),
      );
      return reply.code(201).send(note);
    },
  );

  app.put(
    '/api/citizen/calendar/:id',
    {
      schema: {
        tags,
        summary: 'Change a calendar note',
        params: NoteParams,
        body: CalendarNoteBody,
        response: { 200: CalendarNote, ...errors },
      },
    },
    async (request) =>
      changeCalendarNote(
        contextFor(services, requireCitizen(request)),
        idOf(request),
        request.body as Static<typeof CalendarNoteBody>,
        requestLanguage(request),
      ),
  );

  app.delete(
    '/api/citizen/calendar/:id',
    {
      schema: {
        tags,
        summary: 'Delete a calendar note',
        params: NoteParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCalendarNote(contextFor(services, requireCitizen(request)), idOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/citizen/calendar.ics',
    {
      schema: {
        tags,
        summary: 'My calendar as an iCalendar file',
        response: { 200: Type.String({ description: 'text/calendar' }), ...errors },
      },
    },
    async (request, reply) => {
      const ics = await exportCalendar(contextFor(services, requireCitizen(request)));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="kontakta-kalender.ics"')
        .send(ics);
    },
  );
}
