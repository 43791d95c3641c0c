import { makePersonnummer, startOfBirthday } from '@kontakta/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { changeableRegisters } from '../../testing/changeable-register.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { actFor, addChild } from '../../testing/proxy-sessions.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { AUTHORITY_CACHE_MS } from '../../use-cases/sessions/confirm-authority.ts';

// Proxy for children (ombud): who may add a child, acting as the child, and the proxy ending the
// moment it no longer holds, proven on every errand endpoint a guardian acting for a child reaches.
describe.each(DIALECTS)('proxy for children on %s', (dialect) => {
  let f: ErrandFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  async function setUp(clock?: () => number) {
    const register = changeableRegisters();
    f = await createErrandFixture(dialect, { registers: register.registers, ...(clock ? { clock } : {}) });
    const people = f.personas.citizens;
    return { f, register, people, guardian: await f.citizen(people.guardian.personnummer) };
  }

  async function sendPrescription(f: ErrandFixture, who: Client, medicine = 'Alvedon') {
    const form = await who.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`);
    expect(form.statusCode, form.body).toBe(200);
    return who.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.json().formVersionId,
      answers: prescriptionAnswers(medicine),
    });
  }

  it('a guardian adds their child; both guardians can, each on their own', async () => {
    const { f, people, guardian } = await setUp();
    const added = await guardian.post('/api/citizen/proxies', { personnummer: people.child12y8m.personnummer });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'Elsa Lindqvist',
      personnummer: expect.stringMatching(/^\d{8}-\d{4}$/),
    });
    // Adding again changes nothing.
    expect(
      (await guardian.post('/api/citizen/proxies', { personnummer: people.child12y8m.personnummer })).statusCode,
    ).toBe(201);
    const list = (await guardian.get('/api/citizen/proxies')).json();
    expect(list.ageLimit).toBe(13);
    expect(list.items).toHaveLength(1);

    const coGuardian = await f.citizen(people.coGuardian.personnummer);
    await addChild(coGuardian, people.child12y8m.personnummer);
    expect((await coGuardian.get('/api/citizen/proxies')).json().items).toHaveLength(1);
    const rows = await f.database.db.selectFrom('proxy').selectAll().where('ended_at', 'is', null).execute();
    expect(rows).toHaveLength(2);
  });

  it('refuses each case with its own reason, and writes nothing', async () => {
    const { f, register, people, guardian } = await setUp();
    const refusal = async (who: Client, personnummer: string) => {
      const response = await who.post('/api/citizen/proxies', { personnummer });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('proxy-refused');
      return response.json().detail;
    };
    const stranger = await f.citizen(people.adult.personnummer);
    expect(await refusal(stranger, people.child12y8m.personnummer)).toBe('not-guardian');
    const child13Guardian = (await f.registers.findPerson(people.child13.personnummer))?.guardians[0] as string;
    expect(await refusal(await f.citizen(child13Guardian), people.child13.personnummer)).toBe('child-too-old');
    expect(
      await refusal(await f.citizen(people.protectedGuardian.personnummer), people.protectedChild.personnummer),
    ).toBe('protected-identity');
    // A valid number nobody has in the register.
    const nobody = makePersonnummer({ birthDate: '2016-02-03', sex: 'female', sequence: 417 });
    expect(await refusal(guardian, nobody)).toBe('child-not-in-register');
    register.change(people.youngChild.personnummer, (child) => {
      child.deceased = true;
    });
    expect(await refusal(guardian, people.youngChild.personnummer)).toBe('child-deceased');
    // A guardian with protected identity appearing later is refused for a child without it.
    register.change(people.guardian.personnummer, (person) => {
      person.protectedIdentity = true;
    });
    expect(await refusal(guardian, people.child12y8m.personnummer)).toBe('protected-identity');

    const malformed = await guardian.post('/api/citizen/proxies', { personnummer: '20150312-12345' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('body.personnummer');
    expect(await f.database.db.selectFrom('proxy').selectAll().execute()).toEqual([]);
  });

  it('acting for the child: a new session id, the child’s errands, recorded as the guardian’s act for the child', async () => {
    const { f, people, guardian } = await setUp();
    const childId = await addChild(guardian, people.child12y8m.personnummer);
    const asChild = await actFor(f, guardian, childId);
    // The old session id is gone.
    expect((await guardian.get('/api/session')).statusCode).toBe(401);
    expect((await asChild.get('/api/session')).json().actingFor).toEqual({ childId, name: 'Elsa Lindqvist' });

    const sent = await sendPrescription(f, asChild);
    expect(sent.statusCode, sent.body).toBe(201);
    const errandId = sent.json().id;
    const errand = await f.database.db
      .selectFrom('errand')
      .select('citizen_id')
      .where('id', '=', errandId)
      .executeTakeFirstOrThrow();
    expect(errand.citizen_id).toBe(childId);
    const sentList = (await asChild.get('/api/citizen/errands?folder=sent')).json();
    expect(sentList.items.map((e: { id: string }) => e.id)).toEqual([errandId]);

    // Staff see who sent it for whom.
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const detail = (await receiver.get(`/api/staff/errands/${errandId}`)).json();
    expect(detail.citizen.name).toBe('Elsa Lindqvist');
    expect(detail.sentByProxy.name).toBe('Anna Lindqvist');
    expect(detail.history[0].actor).toMatchObject({ display: 'Anna Lindqvist', onBehalfOf: 'Elsa Lindqvist' });
    // So does the guardian, in the child's history.
    const own = (await asChild.get(`/api/citizen/errands/${errandId}`)).json();
    expect(own.history[0].actor).toMatchObject({ display: 'Anna Lindqvist', onBehalfOf: 'Elsa Lindqvist' });
    expect(own).not.toHaveProperty('sentByProxy');
    expect(own.messages[0].author).toMatchObject({ display: 'Anna Lindqvist', onBehalfOf: 'Elsa Lindqvist' });

    // Back as themself, the guardian does not see the child's errand among their own.
    const themself = await actFor(f, asChild, null);
    expect((await themself.get('/api/session')).json().actingFor).toBeNull();
    expect((await themself.get('/api/citizen/errands?folder=sent')).json().items).toEqual([]);
    expect((await themself.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(404);

    const events = await f.database.db.selectFrom('proxy_event').select('kind').orderBy('at').execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['acting-started', 'acting-stopped', 'added']);
  });

  it('another child’s id answers 404 and changes nothing; a guardian acting for a child cannot add proxies', async () => {
    const { f, people, guardian } = await setUp();
    const coGuardian = await f.citizen(people.coGuardian.personnummer);
    const viktorsId = await addChild(coGuardian, people.child12y8m.personnummer);
    const elsaId = await addChild(guardian, people.youngChild.personnummer);
    // Anna is guardian of Elsa too, but not proxy for her: the co-guardian's proxy gives her nothing.
    const refused = await guardian.put('/api/session/acting-for', { childId: viktorsId });
    expect(refused.statusCode).toBe(404);
    expect((await guardian.get('/api/session')).statusCode).toBe(200);
    expect((await guardian.put('/api/session/acting-for', { childId: 'no-such-child' })).statusCode).toBe(404);
    const asChild = await actFor(f, guardian, elsaId);
    const adding = await asChild.post('/api/citizen/proxies', { personnummer: people.child12y8m.personnummer });
    expect(adding.statusCode).toBe(403);
    expect((await asChild.delete(`/api/citizen/proxies/${elsaId}`)).statusCode).toBe(403);
  });

  it('an errand type the unit has not opened to proxies cannot be sent for a child (403 with the reason)', async () => {
    const { f, people, guardian } = await setUp();
    const childId = await addChild(guardian, people.child12y8m.personnummer);
    await f.database.db
      .updateTable('unit_errand_type')
      .set({ open_to_proxies: 0 })
      .where('unit_hsa_id', '=', f.unit)
      .where('errand_type', '=', 'renew-prescription')
      .execute();
    const asChild = await actFor(f, guardian, childId);
    const form = await asChild.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`);
    expect(form.statusCode).toBe(403);
    expect(form.json().detail).toBe('closed-to-proxies');
    // The guardian as themself still may.
    const themself = await actFor(f, asChild, null);
    expect((await sendPrescription(f, themself)).statusCode).toBe(201);
  });

  describe.each([
    ['the guardian is no longer guardian', 'not-guardian'],
    ['the child gets protected identity', 'protected-identity'],
    ['the guardian gets protected identity', 'protected-identity'],
    ['the child is deceased', 'child-deceased'],
  ] as const)('when %s', (change, reason) => {
    it('the proxy ends at the next request: every errand endpoint answers 404 and nothing changes', async () => {
      let now = Date.now();
      const { f, register, people, guardian } = await setUp(() => now);
      const childId = await addChild(guardian, people.child12y8m.personnummer);
      const asChild = await actFor(f, guardian, childId);
      const errandId = (await sendPrescription(f, asChild)).json().id;
      const before = await f.database.db
        .selectFrom('errand')
        .selectAll()
        .where('id', '=', errandId)
        .executeTakeFirstOrThrow();

      const child = people.child12y8m.personnummer;
      const guardianNumber = people.guardian.personnummer;
      if (change === 'the guardian is no longer guardian') {
        register.change(child, (p) => {
          p.guardians = p.guardians.filter((g) => g !== guardianNumber);
        });
      } else if (change === 'the child gets protected identity') {
        register.change(child, (p) => {
          p.protectedIdentity = true;
        });
      } else if (change === 'the guardian gets protected identity') {
        register.change(guardianNumber, (p) => {
          p.protectedIdentity = true;
        });
      } else {
        register.change(child, (p) => {
          p.deceased = true;
        });
      }
      now += AUTHORITY_CACHE_MS + 1;

      for (const [method, url, body] of [
        ['GET', `/api/citizen/errands/${errandId}`, undefined],
        ['POST', `/api/citizen/errands/${errandId}/replies`, { message: 'hej' }],
        ['POST', `/api/citizen/errands/${errandId}/archive`, undefined],
        ['POST', `/api/citizen/errands/${errandId}/unarchive`, undefined],
      ] as const) {
        const response = method === 'GET' ? await asChild.get(url) : await asChild.post(url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      // The lists are the guardian's own again: the child's errand is not among them.
      expect((await asChild.get('/api/citizen/errands?folder=sent')).json().items).toEqual([]);
      expect((await asChild.get('/api/session')).json().actingFor).toBeNull();
      const after = await f.database.db
        .selectFrom('errand')
        .selectAll()
        .where('id', '=', errandId)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      const proxy = await f.database.db.selectFrom('proxy').selectAll().executeTakeFirstOrThrow();
      expect(proxy.end_reason).toBe(reason);
      // Acting for the child again is refused: the proxy is gone.
      expect((await asChild.put('/api/session/acting-for', { childId })).statusCode).toBe(404);
      // The guardian is told in their inbox.
      const messages = (await asChild.get('/api/citizen/messages')).json();
      expect(messages.unread).toBe(1);
      expect(messages.items[0]).toMatchObject({ kind: 'proxy-ended-guardian', read: false });
    });
  });

  it('on the 13th birthday, Stockholm time, the guardian loses the child’s errands, including those they sent', async () => {
    const people = (await import('../../registers/index.ts')).demoPersonas(new Date()).citizens;
    const birthday = startOfBirthday({ birthDate: isoBirthDate(people.child12y11m.personnummer) }, 13).getTime();
    let now = birthday - 60 * 60_000;
    const setup = await setUp(() => now);
    const guardianNumber = (await setup.f.registers.findPerson(people.child12y11m.personnummer))
      ?.guardians[0] as string;
    const guardian = await setup.f.citizen(guardianNumber);
    const childId = await addChild(guardian, people.child12y11m.personnummer);
    const asChild = await actFor(setup.f, guardian, childId);
    const errandId = (await sendPrescription(setup.f, asChild)).json().id;
    expect((await asChild.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(200);

    now = birthday - 1;
    expect((await asChild.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(200);
    now = birthday;
    expect((await asChild.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(404);
    expect((await asChild.put('/api/session/acting-for', { childId })).statusCode).toBe(404);
    // The child, logging in themself, sees the errand.
    const child = await setup.f.citizen(people.child12y11m.personnummer);
    expect((await child.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(200);
  });
});

function isoBirthDate(personnummer: string): string {
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${personnummer.slice(6, 8)}`;
}
