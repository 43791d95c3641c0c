import { Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listDevOutbox, readDevOutboxLetter } from '../../notifications/dev/dev-outbox.listing.ts';
import type { Database } from '../../storage/database.ts';
import { AppError } from '../problem.ts';
import { DEV_OUTBOX_CSS, renderDevOutboxPage } from './dev-outbox.page.ts';

const DevOutboxMessage = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('letter')]),
  template: Type.String(),
  to: Type.String(),
  subject: Type.Optional(Type.String()),
  text: Type.String(),
  createdAt: Type.String(),
  status: Type.String(),
  pdfUrl: Type.Optional(Type.String()),
});
const DevOutbox = Type.Object({ messages: Type.Array(DevOutboxMessage) });

const LETTER_FILE = /^([0-9a-f-]{36})\.pdf$/;

/**
 * The development outbox (KONTAKTA_DEV_OUTBOX=true only; app.ts does not register it otherwise):
 * every e-mail, SMS and letter, as a page for people and as JSON for browser tests.
 */
export async function devOutboxRoutes(
  app: FastifyInstance,
  { database, printOutboxDir }: { database: Database; printOutboxDir: string },
) {
  app.get('/dev/outbox.json', { schema: { hide: true, response: { 200: DevOutbox } } }, async () => ({
    messages: await listDevOutbox(database.db),
  }));

  app.get('/dev/outbox', { schema: { hide: true, response: { 200: Type.String() } } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderDevOutboxPage(await listDevOutbox(database.db))),
  );

  app.get('/dev/outbox.css', { schema: { hide: true, response: { 200: Type.String() } } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(DEV_OUTBOX_CSS),
  );

  app.get<{ Params: { file: string } }>(
    '/dev/outbox/:file',
    {
      schema: {
        hide: true,
        params: Type.Object({ file: Type.String({ maxLength: 100 }) }),
        response: { '4xx': Problem },
      },
    },
    async (request, reply) => {
      const id = LETTER_FILE.exec(request.params.file)?.[1];
      const pdf = id ? await readDevOutboxLetter(database.db, printOutboxDir, id) : null;
      if (!pdf) throw new AppError('not-found');
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="kontakta-letter-${id}.pdf"`)
        .send(pdf);
    },
  );
}
