import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// The unit's list for real volume (issue 18): search by personnummer or name, ordered as the
// receiver chooses, paged by cursor in that order. On both databases.
describe.each(DIALECTS)('searching and ordering the unit inbox on %s', (dialect) => {
  let f: ErrandFixture;
  let adult: Client;
  let tolvan: Client;
  let receiver: Client;
  let otherUnitReceiver: Client;
  const sent: Record<string, string[]> = { adult: [], tolvan: [] };

  const send = async (who: Client, type: string, answers: unknown): Promise<string> => {
    const form = (await who.get(`/api/citizen/units/${f.unit}/errand-types/${type}/form`)).json();
    const response = await who.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: type,
      formVersionId: form.formVersionId,
      answers,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  };
  const ids = async (client: Client, query: string) => {
    const response = await client.get(`/api/staff/inbox?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { id: string }) => item.id) as string[];
  };

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    adult = await f.citizen(f.personas.citizens.adult.personnummer);
    tolvan = await f.citizen(f.personas.citizens.tolvan.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    otherUnitReceiver = await f.staffElsewhere('receiver', f.unit);
    for (const medicine of ['A', 'B', 'C'])
      sent.adult?.push(await send(adult, 'renew-prescription', prescriptionAnswers(medicine)));
    sent.tolvan?.push(await send(tolvan, 'renew-prescription', prescriptionAnswers('D')));
  });
  afterAll(async () => f.close());

  it('finds a citizen by personnummer, 12 or 10 digits, with or without the dash', async () => {
    const pnr = f.personas.citizens.tolvan.personnummer;
    for (const q of [pnr, `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`, pnr.slice(2)]) {
      expect(await ids(receiver, `q=${encodeURIComponent(q)}`), q).toEqual(sent.tolvan);
    }
    expect(await ids(receiver, 'q=199001011234')).toEqual([]);
  });

  it('finds a citizen by the words of their name', async () => {
    const citizen = await f.database.db
      .selectFrom('citizen')
      .select(['given_name', 'family_name'])
      .where('personnummer', '=', f.personas.citizens.adult.personnummer)
      .executeTakeFirstOrThrow();
    expect(await ids(receiver, `q=${encodeURIComponent(citizen.family_name)}`)).toEqual(sent.adult);
    expect(await ids(receiver, `q=${encodeURIComponent(`${citizen.given_name} ${citizen.family_name}`)}`)).toEqual(
      sent.adult,
    );
    expect(await ids(receiver, 'q=Ingenalls%20Sådannamn')).toEqual([]);
    // Wildcards are text, not patterns.
    expect(await ids(receiver, `q=${encodeURIComponent('%')}`)).toEqual(await ids(receiver, ''));
  });

  it('orders newest first, pages by cursor in that order, and refuses an unknown order (400)', async () => {
    const all = [...(sent.adult ?? []), ...(sent.tolvan ?? [])];
    expect(await ids(receiver, 'sort=received-desc')).toEqual([...all].reverse());
    const first = (await receiver.get('/api/staff/inbox?sort=received-desc&limit=2')).json();
    const second = (
      await receiver.get(`/api/staff/inbox?sort=received-desc&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual([...all].reverse());
    const bad = await receiver.get('/api/staff/inbox?sort=priority');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.sort');
    // A cursor of a string-keyed order does not page a number-keyed one.
    const byType = (await receiver.get('/api/staff/inbox?sort=type&limit=1')).json();
    const mixed = await receiver.get(`/api/staff/inbox?sort=waiting&cursor=${encodeURIComponent(byType.nextCursor)}`);
    expect(mixed.statusCode).toBe(400);
  });

  it("another unit's receiver finds nothing, however they search", async () => {
    const pnr = f.personas.citizens.tolvan.personnummer;
    expect(await ids(otherUnitReceiver, `q=${pnr}`)).toEqual([]);
    expect((await otherUnitReceiver.get(`/api/staff/inbox?q=${pnr}`)).body).not.toContain(pnr);
  });
  it('counts what a receiver watches over every open status: new, unassigned and unanswered', async () => {
    const [opened, assigned] = [sent.adult?.[0], sent.adult?.[1]];
    expect((await receiver.get(`/api/staff/errands/${opened}`)).statusCode).toBe(200);
    expect((await receiver.get(`/api/staff/errands/${assigned}`)).statusCode).toBe(200);
    const assign = await receiver.post(`/api/staff/errands/${assigned}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assign.statusCode).toBe(204);
    const inbox = await receiver.get('/api/staff/inbox');
    expect(inbox.json().counts).toEqual({ new: 2, unassigned: 3, mine: 0, unanswered: 4 });
    // Another unit's receiver counts nothing of this unit's.
    const elsewhere = await otherUnitReceiver.get('/api/staff/inbox');
    expect(elsewhere.json().counts).toEqual({ new: 0, unassigned: 0, mine: 0, unanswered: 0 });
  });

  it("counts as a receiver's own the errands assigned to them at this unit, and no one else's", async () => {
    // The nurse is receiver and caregiver here: an errand assigned to her is hers in her inbox.
    const nurse = await f.staff(f.personas.staff.nurse.hsaId, f.unit);
    const theirs = sent.tolvan?.[0];
    expect((await receiver.get(`/api/staff/errands/${theirs}`)).statusCode).toBe(200);
    const assign = await receiver.post(`/api/staff/errands/${theirs}/assign`, {
      caregiverHsaId: f.personas.staff.nurse.hsaId,
    });
    expect(assign.statusCode, assign.body).toBe(204);
    expect((await nurse.get('/api/staff/inbox')).json().counts).toMatchObject({ mine: 1, unanswered: 4 });
    expect((await receiver.get('/api/staff/inbox')).json().counts).toMatchObject({ mine: 0, unanswered: 4 });
  });
});
