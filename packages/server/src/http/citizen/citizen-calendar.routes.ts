import { citizenCalendarRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { addCalendarNote } from '../../use-cases/calendar/add-calendar-note.ts';
import { changeCalendarNote } from '../../use-cases/calendar/change-calendar-note.ts';
import { deleteCalendarNote } from '../../use-cases/calendar/delete-calendar-note.ts';
import { exportCalendar } from '../../use-cases/calendar/export-calendar.ts';
import { listCalendarMonth } from '../../use-cases/calendar/list-calendar-notes.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** The citizen's private calendar: notes by month, add, change, delete, and an .ics download. */
export async function citizenCalendarRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.listMonth, async ({ actor, query }) =>
    listCalendarMonth(contextFor(services, actor), query.month),
  );
  handle(app, routes.addNote, async ({ actor, body, request }) =>
    addCalendarNote(contextFor(services, actor), body, requestLanguage(request)),
  );
  handle(app, routes.changeNote, async ({ actor, params, body, request }) =>
    changeCalendarNote(contextFor(services, actor), params.id, body, requestLanguage(request)),
  );
  handle(app, routes.deleteNote, async ({ actor, params }) => {
    await deleteCalendarNote(contextFor(services, actor), params.id);
    return undefined;
  });
  handle(app, routes.exportIcs, async ({ actor, reply }) => {
    reply.header('Content-Disposition', 'attachment; filename="kontakta-kalender.ics"');
    return exportCalendar(contextFor(services, actor));
  });
}
