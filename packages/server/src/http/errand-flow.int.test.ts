import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';
import { LIST_VIEW_WINDOW_MS } from '../use-cases/access-log/recent-list-views.ts';
import { verifyAccessLog } from '../use-cases/access-log/verify-access-log.ts';

// The heart of Kontakta, steps 1–10 of the flow, over HTTP, on both databases.
describe.each(DIALECTS)('the errand flow on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let errandId: string;
  /** Who the errand is from, as staff lists show them. */
  let from: { personnummer: string; name: string };
  /** Moves the server's clock forward (sessions last 60 minutes without activity). */
  let clockAhead = 0;
  // Everything the server logs, to prove that lists of names and personnummer never reach it.
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { logStream, clock: () => Date.now() + clockAhead });
    const person = await f.registers.findPerson(f.personas.citizens.adult.personnummer);
    from = {
      personnummer: f.personas.citizens.adult.personnummer,
      name: `${person?.name.given} ${person?.name.family}`,
    };
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    // The citizen wants e-mail notifications (verified address).
    const citizenId = (await f.database.db.selectFrom('citizen').select('id').executeTakeFirstOrThrow()).id;
    await f.database.db
      .insertInto('citizen_contact')
      .values({
        citizen_id: citizenId,
        email: 'karl@example.se',
        email_verified_at: Date.now(),
        mobile: null,
        mobile_verified_at: null,
        language: 'sv',
        updated_at: Date.now(),
      })
      .execute();
  });
  afterAll(async () => f.close());

  it('1. the citizen finds the unit and opens the renew-prescription form', async () => {
    const search = await citizen.get('/api/citizen/unit-search?q=solgläntan');
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((u: { hsaId: string }) => u.hsaId)).toContain(f.unit);
    const form = await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ version: 1, formVersionId: expect.any(String) });
  });

  it('2–3. the citizen sends it; the unit is told by e-mail without content', async () => {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers('Levaxin'),
    });
    expect(sent.statusCode).toBe(201);
    errandId = sent.json().id;
    const outbox = await f.database.db.selectFrom('outbox').selectAll().where('errand_id', '=', errandId).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'email', template: 'errand-received' });
    expect(JSON.stringify(outbox)).not.toContain('Levaxin');

    const sentFolder = (await citizen.get('/api/citizen/errands?folder=sent')).json();
    expect(sentFolder.items.map((e: { id: string }) => e.id)).toEqual([errandId]);
    expect(sentFolder.items[0]).toMatchObject({
      status: 'new',
      unread: false,
      errandType: { name: { sv: 'Förnya recept' } },
    });
  });

  it('4. a receiver sees it in the unit inbox as new and unassigned', async () => {
    const inbox = await receiver.get('/api/staff/inbox?filter=new');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((e: { id: string }) => e.id)).toContain(errandId);
    expect(inbox.json().counts).toMatchObject({ new: 1, unassigned: 1 });
    // Who it is from, to route it without opening it; nothing of the content.
    const row = inbox.json().items.find((e: { id: string }) => e.id === errandId);
    expect(row.citizen).toEqual(from);
    expect(from.name).toMatch(/^\S+ \S+/);
    expect(inbox.body).not.toContain('Levaxin');
    const unanswered = (await receiver.get('/api/staff/inbox?filter=unanswered')).json();
    expect(unanswered.items).toEqual([expect.objectContaining({ id: errandId, citizen: from })]);
  });

  it('5. the receiver reads it (access logged) and assigns it to the doctor', async () => {
    const read = await receiver.get(`/api/staff/errands/${errandId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().messages[0].answers).toEqual(prescriptionAnswers('Levaxin'));
    expect(read.json().citizen).toMatchObject({ personnummer: f.personas.citizens.adult.personnummer });
    const caregivers = (await receiver.get('/api/staff/caregivers')).json().items;
    expect(caregivers.map((c: { hsaId: string }) => c.hsaId)).toContain(f.personas.staff.doctor.hsaId);
    const assign = await receiver.post(`/api/staff/errands/${errandId}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assign.statusCode).toBe(204);
    expect((await receiver.get('/api/staff/inbox?filter=new')).json().counts.new).toBe(0);
  });

  it('6–8. the doctor answers on the answer form; the citizen is notified without content', async () => {
    const mine = (await doctor.get('/api/staff/my-errands')).json();
    expect(mine.items.map((e: { id: string }) => e.id)).toContain(errandId);
    expect(mine.items.find((e: { id: string }) => e.id === errandId).citizen).toEqual(from);
    const bad = await doctor.post(`/api/staff/errands/${errandId}/answer`, { answers: { message: '' } });
    expect(bad.statusCode).toBe(400);
    const answer = await doctor.post(`/api/staff/errands/${errandId}/answer`, {
      answers: {
        medicines: [{ item: 'Levaxin', decision: 'renewed' }],
        message: 'Receptet är förnyat och finns på apoteket.',
        citizenMayReply: true,
      },
    });
    expect(answer.statusCode).toBe(204);
    const notes = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('errand_id', '=', errandId)
      .where('template', '=', 'errand-answered')
      .execute();
    expect(notes).toEqual([expect.objectContaining({ channel: 'email', recipient: 'karl@example.se' })]);
    expect(JSON.stringify(notes)).not.toMatch(/Levaxin|apoteket/);
  });

  it('9. the citizen sees it unread, reads the answer and replies', async () => {
    const inbox = (await citizen.get('/api/citizen/errands?folder=inbox')).json();
    expect(inbox.counts).toMatchObject({ inbox: 1, unread: 1 });
    expect(inbox.items[0]).toMatchObject({ id: errandId, unread: true, hasAnswer: true, status: 'answered' });
    const errand = (await citizen.get(`/api/citizen/errands/${errandId}`)).json();
    expect(errand.messages.map((m: { kind: string }) => m.kind)).toEqual(['submission', 'answer']);
    expect(errand.messages[1].answers.message).toBe('Receptet är förnyat och finns på apoteket.');
    expect(errand.messages[1].author.display).toMatch(/^\S+( \S+)+, läkare$/);
    expect(errand.replyAllowed).toBe(true);
    expect(errand.history.map((h: { type: string }) => h.type)).toEqual([
      'sent',
      'opened',
      'assigned',
      'answered',
      'read-by-citizen',
    ]);
    expect((await citizen.get('/api/citizen/errands?folder=inbox')).json().counts.unread).toBe(0);

    const reply = await citizen.post(`/api/citizen/errands/${errandId}/replies`, { message: 'Tack!' });
    expect(reply.statusCode).toBe(204);
    const again = await citizen.post(`/api/citizen/errands/${errandId}/replies`, { message: 'Tack igen!' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('reply-not-allowed');
  });

  it('10. the doctor closes it and it moves to the citizen’s archive; the citizen can move it back', async () => {
    expect((await doctor.post(`/api/staff/errands/${errandId}/close`, {})).statusCode).toBe(204);
    const archive = (await citizen.get('/api/citizen/errands?folder=archive')).json();
    expect(archive.items.map((e: { id: string }) => e.id)).toEqual([errandId]);
    expect((await citizen.post(`/api/citizen/errands/${errandId}/unarchive`)).statusCode).toBe(204);
    expect((await citizen.get('/api/citizen/errands?folder=archive')).json().items).toEqual([]);
    expect((await citizen.post(`/api/citizen/errands/${errandId}/archive`)).statusCode).toBe(204);
    expect((await doctor.post(`/api/staff/errands/${errandId}/close`, {})).statusCode).toBe(409);
  });

  it('the history and the access log tell who did what, and the chain verifies', async () => {
    const errand = (await citizen.get(`/api/citizen/errands/${errandId}`)).json();
    expect(errand.history.map((h: { type: string }) => h.type)).toEqual([
      'sent',
      'opened',
      'assigned',
      'answered',
      'read-by-citizen',
      'citizen-replied',
      'closed',
      'unarchived',
      'archived',
    ]);
    const log = (await citizen.get('/api/citizen/access-log')).json().items;
    const actions: string[] = log.map((e: { action: string }) => e.action);
    expect(actions.filter((a) => a !== 'list').sort()).toEqual(['answer', 'assign', 'close', 'read']);
    // The staff lists the errand appeared in (inbox, my errands) are accesses too.
    expect(actions).toContain('list');
    expect(log[0]).toMatchObject({ errandId, unit: { hsaId: f.unit }, errandType: { id: 'renew-prescription' } });
    expect(await verifyAccessLog(f.database)).toEqual({ entries: log.length, problems: [] });
  });

  it('writes every staff list served to the access log, and keeps the names and personnummer out of the logs', async () => {
    logLines.length = 0;
    // The flow above had these errands in the same people's lists: a list is logged once per
    // person and errand within LIST_VIEW_WINDOW_MS (list-view-access-log.int.test.ts), so later.
    clockAhead += LIST_VIEW_WINDOW_MS;
    const before = (await verifyAccessLog(f.database)).entries;
    const inbox = (await receiver.get('/api/staff/inbox')).json();
    expect(inbox.items[0].citizen).toEqual(from);
    const mine = await doctor.get('/api/staff/my-errands');
    expect(mine.statusCode).toBe(200);
    // One `list` entry per errand shown.
    const shown = inbox.items.length + mine.json().items.length;
    expect(shown).toBeGreaterThan(0);
    expect(await verifyAccessLog(f.database)).toEqual({ entries: before + shown, problems: [] });
    const latest = (await citizen.get('/api/citizen/access-log')).json().items[0];
    expect(latest).toMatchObject({ action: 'list', errandId });
    const all = logLines.join('\n');
    expect(all).toContain('/api/staff/inbox');
    expect(all).toContain('/api/staff/my-errands');
    const [given, family] = from.name.split(' ') as [string, string];
    expect(all).not.toContain(from.personnummer);
    expect(all).not.toContain(`${from.personnummer.slice(0, 8)}-${from.personnummer.slice(8)}`);
    expect(all).not.toContain(given);
    expect(all).not.toContain(family);
  });
});
