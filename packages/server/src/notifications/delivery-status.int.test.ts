import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutboxMessage, type NewOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import type { OutboxStatus } from '../storage/schema.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { getCitizenStoppedChannels, getErrandNotificationStatus } from './delivery-status.ts';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe.each(DIALECTS)('notification delivery status on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    for (const id of ['citizen-a', 'citizen-b']) {
      await database.db
        .insertInto('citizen')
        .values({
          id,
          personnummer: `19800101${id.slice(-1) === 'a' ? '0001' : '0002'}`,
          given_name: 'X',
          family_name: 'Y',
          created_at: T0,
          last_login_at: null,
        })
        .execute();
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  async function message(
    fields: Partial<NewOutboxMessage> & Pick<NewOutboxMessage, 'channel' | 'recipient'>,
    outcome: { status: OutboxStatus; at: number },
  ): Promise<string> {
    const id = await enqueueOutboxMessage(
      database.db,
      { template: 'new-message', language: 'sv', citizen_id: null, errand_id: null, ...fields },
      outcome.at,
    );
    await database.db
      .updateTable('outbox')
      .set({
        status: outcome.status,
        attempts: outcome.status === 'pending' ? 0 : 1,
        last_attempt_at: outcome.status === 'pending' ? null : outcome.at + 1000,
        delivered_at: outcome.status === 'sent' ? outcome.at + 1000 : null,
      })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it("tells staff how the citizen's notifications about an errand went, newest first, numbers masked", async () => {
    const citizen = { citizen_id: 'citizen-a', errand_id: 'errand-1', template: 'errand-answered' };
    const email = await message(
      { ...citizen, channel: 'email', recipient: 'anna@example.se' },
      { status: 'sent', at: T0 },
    );
    const sms = await message(
      { ...citizen, channel: 'sms', recipient: '+46701234567' },
      { status: 'bounced', at: T0 + 1 },
    );
    const retrying = await message(
      { ...citizen, channel: 'sms', recipient: '+46701234567' },
      { status: 'failed', at: T0 + 2 },
    );
    const dead = await message(
      { ...citizen, channel: 'email', recipient: 'anna@example.se' },
      { status: 'dead', at: T0 + 3 },
    );
    // The unit's own notice and other errands are not the citizen's notifications about this errand.
    await message(
      { channel: 'email', recipient: 'unit@region.se', template: 'errand-received', errand_id: 'errand-1' },
      { status: 'sent', at: T0 + 4 },
    );
    await message(
      { ...citizen, errand_id: 'errand-2', channel: 'sms', recipient: '+46701234567' },
      { status: 'sent', at: T0 + 5 },
    );

    const status = await getErrandNotificationStatus(database.db, 'errand-1');
    expect(status.map((s) => [s.id, s.channel, s.status, s.to])).toEqual([
      [dead, 'email', 'failed', 'a***@e***.se'],
      [retrying, 'sms', 'pending', '+46*******67'],
      [sms, 'sms', 'bounced', '+46*******67'],
      [email, 'email', 'delivered', 'a***@e***.se'],
    ]);
    expect(status[3]).toMatchObject({ template: 'errand-answered', deliveredAt: T0 + 1000, attempts: 1 });
    expect(await getErrandNotificationStatus(database.db, 'no-such-errand')).toEqual([]);
  });

  it('tells a citizen which of their addresses stopped working, and forgets it once one works again', async () => {
    const b = { citizen_id: 'citizen-b' };
    await message({ ...b, channel: 'sms', recipient: '+46709990001' }, { status: 'sent', at: T0 });
    await message({ ...b, channel: 'sms', recipient: '+46709990001' }, { status: 'bounced', at: T0 + 10 });
    await message({ ...b, channel: 'email', recipient: 'bo@example.se' }, { status: 'bounced', at: T0 + 20 });
    await message({ ...b, channel: 'email', recipient: 'bo@example.se' }, { status: 'sent', at: T0 + 30 });
    // Our own outage is not the citizen's address failing.
    await message({ ...b, channel: 'email', recipient: 'bo.new@example.se' }, { status: 'dead', at: T0 + 40 });

    expect(await getCitizenStoppedChannels(database.db, 'citizen-b')).toEqual([
      { channel: 'sms', recipient: '+46709990001', since: T0 + 10 + 1000 },
    ]);
    expect(await getCitizenStoppedChannels(database.db, 'citizen-b', { mobile: '+46709990001' })).toHaveLength(1);
    // After changing number in settings, the old number's bounce no longer concerns them.
    expect(await getCitizenStoppedChannels(database.db, 'citizen-b', { mobile: '+46709990002' })).toEqual([]);
    expect(await getCitizenStoppedChannels(database.db, 'citizen-nobody')).toEqual([]);
  });
});
