import type { CitizenActor, ProxyRefusal } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database.ts';
import type { ProxyEndReason } from '../../storage/proxy-schema.ts';
import { forgetCitizenContact } from '../../storage/repositories/citizen-contact.repository.ts';
import {
  endProxies,
  insertProxyEvent,
  listActiveProxiesOfChild,
  type ProxyRow,
  stopActingFor,
} from '../../storage/repositories/proxy.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { sendInboxMessage } from '../inbox-messages/send-inbox-message.ts';
import { recordProxyChange } from '../statistics/record-statistics.ts';

/**
 * Ends a child's active proxies (all of them, or only those of `guardianIds`) in the caller's
 * transaction: the end is recorded with its reason, and any session acting for the child goes back
 * to the guardian at once. Unless the guardian ended it themself, each guardian gets a message.
 * The age limit ends every proxy for the child and forgets the e-mail and mobile the guardians gave
 * for the child. Returns the proxies this call ended (none when they already were).
 */
export async function endProxiesOfChild(
  db: Kysely<DatabaseSchema>,
  end: { childId: string; guardianIds?: readonly string[]; reason: ProxyEndReason; now: number },
): Promise<ProxyRow[]> {
  const everyGuardian = end.reason === 'child-too-old' || !end.guardianIds;
  const active = (await listActiveProxiesOfChild(db, end.childId)).filter(
    (proxy) => everyGuardian || end.guardianIds?.includes(proxy.guardian_citizen_id),
  );
  const endedIds = new Set(
    await endProxies(
      db,
      active.map((proxy) => proxy.id),
      end.reason,
      end.now,
    ),
  );
  const ended = active.filter((proxy) => endedIds.has(proxy.id));
  for (const proxy of ended) {
    await insertProxyEvent(db, { proxyId: proxy.id, kind: 'ended', reason: end.reason, at: end.now });
    // Counted where its start was (statistics: proxies active).
    await recordProxyChange(db, { municipalityCode: proxy.municipality_code, change: 'ended', at: end.now });
    if (end.reason !== 'removed-by-guardian') {
      await sendInboxMessage(db, {
        citizenId: proxy.guardian_citizen_id,
        template: 'proxy-ended-guardian',
        aboutCitizenId: end.childId,
        values: {},
        now: end.now,
      });
    }
  }
  await stopActingFor(
    db,
    end.childId,
    ended.map((proxy) => proxy.guardian_citizen_id),
  );
  if (end.reason === 'child-too-old' && ended.length > 0) await forgetCitizenContact(db, end.childId, end.now);
  return ended;
}

/** A request found that the proxy the session acts under no longer holds (register, age): end it. */
export async function endProxyThatNoLongerHolds(
  database: Database,
  actor: CitizenActor,
  reason: ProxyRefusal,
  now: number,
): Promise<void> {
  const childId = actor.actingForCitizenId;
  if (!childId) return;
  await database.db
    .transaction()
    .execute((trx) => endProxiesOfChild(trx, { childId, guardianIds: [actor.citizenId], reason, now }));
}
