import { daysBeforeDate, monthsBeforeDate, startOfBirthday, startOfStockholmDay } from '@kontakta/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { changeableRegisters } from '../../testing/changeable-register.ts';
import { createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { actFor, addChild } from '../../testing/proxy-sessions.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { reviewProxies } from './review-proxies.ts';

// The scheduled review of proxies, driven by an injected clock: the notices before the 13th
// birthday, the end on the birthday, a missed run, a run killed half-way, a register change.
describe.each(DIALECTS)('the proxy review on %s', (dialect) => {
  let f: ErrandFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  /** Oskar (12 years 11 months) with both his guardians as proxies, the clock at `start`. */
  async function setUp() {
    const register = changeableRegisters();
    let now = Date.now();
    const fixture = await createErrandFixture(dialect, { registers: register.registers, clock: () => now });
    f = fixture;
    const child = fixture.personas.citizens.child12y11m.personnummer;
    const guardians = (await fixture.registers.findPerson(child))?.guardians ?? [];
    expect(guardians).toHaveLength(2);
    const clients = await Promise.all(guardians.map((g) => fixture.citizen(g)));
    let childId = '';
    for (const guardian of clients) childId = await addChild(guardian, child);
    const birthDate = `${child.slice(0, 4)}-${child.slice(4, 6)}-${child.slice(6, 8)}`;
    const birthday = startOfBirthday({ birthDate }, 13);
    const services = fixture.services;
    const endDate = new Date(birthday.getTime() + 12 * 3_600_000).toISOString().slice(0, 10);
    return {
      fixture,
      register,
      services,
      childId,
      guardians: clients,
      birthday,
      endDate,
      setNow: (t: number) => {
        now = t;
      },
      inbox: async (citizenId: string) =>
        fixture.database.db
          .selectFrom('inbox_message')
          .select('template')
          .where('citizen_id', '=', citizenId)
          .orderBy('created_at')
          .execute()
          .then((rows) => rows.map((r) => r.template)),
    };
  }

  const noonOf = (isoDate: string) => startOfStockholmDay(isoDate).getTime() + 12 * 3_600_000;

  it('sends the first notice three months before, then the reminder a week before, each once', async () => {
    const t = await setUp();
    const guardianIds = (await t.fixture.database.db.selectFrom('proxy').select('guardian_citizen_id').execute()).map(
      (p) => p.guardian_citizen_id,
    );
    const firstNoticeDay = monthsBeforeDate(t.endDate, 3);
    // The day before the first notice: nothing.
    expect((await reviewProxies(t.services, noonOf(daysBeforeDate(firstNoticeDay, 1)))).notices).toBe(0);
    expect(await t.inbox(t.childId)).toEqual([]);

    expect((await reviewProxies(t.services, noonOf(firstNoticeDay))).notices).toBe(1);
    // Again the same day, and a week later: nothing new.
    expect((await reviewProxies(t.services, noonOf(firstNoticeDay) + 3_600_000)).notices).toBe(0);
    expect(await t.inbox(t.childId)).toEqual(['proxy-ends-soon-child']);
    for (const id of guardianIds) expect(await t.inbox(id)).toEqual(['proxy-ends-soon-guardian']);

    const reminderDay = daysBeforeDate(t.endDate, 7);
    expect((await reviewProxies(t.services, noonOf(reminderDay))).notices).toBe(1);
    expect((await reviewProxies(t.services, noonOf(reminderDay))).notices).toBe(0);
    expect(await t.inbox(t.childId)).toEqual(['proxy-ends-soon-child', 'proxy-ends-reminder-child']);
  });

  it('after a missed run, only the reminder goes out (not both notices)', async () => {
    const t = await setUp();
    await reviewProxies(t.services, noonOf(daysBeforeDate(t.endDate, 3)));
    expect(await t.inbox(t.childId)).toEqual(['proxy-ends-reminder-child']);
  });

  it('on the birthday every proxy ends, the child’s addresses are forgotten, the guardians are told', async () => {
    const t = await setUp();
    const db = t.fixture.database.db;
    await db
      .insertInto('citizen_contact')
      .values({
        citizen_id: t.childId,
        email: 'oskar@example.se',
        email_verified_at: 1,
        mobile: '+46701234567',
        mobile_verified_at: 1,
        language: 'sv',
        updated_at: 1,
      })
      .execute();
    // A minute before midnight nothing ends.
    expect((await reviewProxies(t.services, t.birthday.getTime() - 60_000)).ended).toBe(0);
    // The day after the birthday (the run at midnight was missed): both end.
    const review = await reviewProxies(t.services, t.birthday.getTime() + 86_400_000);
    expect(review.ended).toBe(2);
    const proxies = await db.selectFrom('proxy').select(['end_reason', 'ended_at']).execute();
    expect(proxies.map((p) => p.end_reason)).toEqual(['child-too-old', 'child-too-old']);
    const contact = await db
      .selectFrom('citizen_contact')
      .selectAll()
      .where('citizen_id', '=', t.childId)
      .executeTakeFirstOrThrow();
    expect([contact.email, contact.mobile]).toEqual([null, null]);
    const told = await db
      .selectFrom('inbox_message')
      .select('citizen_id')
      .where('template', '=', 'proxy-ended-guardian')
      .execute();
    expect(told).toHaveLength(2);
    // Nothing is left to review.
    expect((await reviewProxies(t.services, t.birthday.getTime() + 2 * 86_400_000)).children).toBe(0);
  });

  it('a run killed half-way and run again ends up exactly as one clean run', async () => {
    const t = await setUp();
    // A second child, so the run has two to review.
    const other = t.fixture.personas.citizens.child12y8m.personnummer;
    const otherGuardian = await t.fixture.citizen(t.fixture.personas.citizens.guardian.personnummer);
    await addChild(otherGuardian, other);
    const reminderDay = noonOf(daysBeforeDate(t.endDate, 7));
    let reviewed = 0;
    await expect(
      reviewProxies(t.services, reminderDay, {
        afterChild: () => {
          reviewed += 1;
          if (reviewed === 1) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    await reviewProxies(t.services, reminderDay);
    await reviewProxies(t.services, reminderDay);
    expect(await t.inbox(t.childId)).toEqual(['proxy-ends-reminder-child']);
    const notices = await t.fixture.database.db.selectFrom('proxy_notice').selectAll().execute();
    expect(notices).toHaveLength(1);
  });

  it('ends a proxy whose guardian lost custody, and keeps the other guardian’s', async () => {
    const t = await setUp();
    const child = t.fixture.personas.citizens.child12y11m.personnummer;
    const person = await t.fixture.registers.findPerson(child);
    const [lost] = person?.guardians ?? [];
    t.register.change(child, (p) => {
      p.guardians = p.guardians.filter((g) => g !== lost);
    });
    const review = await reviewProxies(t.services, Date.now());
    expect(review.ended).toBe(1);
    const active = await t.fixture.database.db.selectFrom('proxy').select('end_reason').execute();
    expect(active.map((p) => p.end_reason).sort()).toEqual([null, 'not-guardian'].sort());
    // The other guardian still acts for the child.
    const [, kept] = t.guardians;
    if (!kept) throw new Error('two guardians expected');
    const asChild = await actFor(t.fixture, kept, t.childId);
    expect((await asChild.get('/api/session')).json().actingFor.childId).toBe(t.childId);
  });
});
