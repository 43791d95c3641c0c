import { type ProxyRefusal, proxyStage } from '@kontakta/domain';
import type { Person } from '../../registers/index.ts';
import {
  claimProxyNotice,
  listActiveProxiesOfChild,
  listChildrenWithActiveProxies,
} from '../../storage/repositories/proxy.repository.ts';
import { sendInboxMessage } from '../inbox-messages/send-inbox-message.ts';
import type { Services } from '../services.ts';
import { endProxiesOfChild } from './end-proxies.ts';
import { proxyPartyOf, refusalOfProxy } from './proxy-parties.ts';

export type ProxyReview = { children: number; ended: number; notices: number; registerFailures: number };

/** What the review works with: the settings, the database and the population register. */
export type ProxyReviewServices = Pick<Services, 'config' | 'database' | 'registers'>;

const BATCH = 200;

/**
 * The scheduled review of every active proxy, one child at a time, each in its own transaction:
 * - on the age-limit birthday (Stockholm time) every proxy for the child ends, the child's stored
 *   e-mail and mobile are forgotten, and each guardian gets a message;
 * - a proxy whose guardian is no longer guardian, or where protected identity appeared (or the
 *   child died or left the register), ends at once;
 * - before the end, the first notice and then the reminder go to the child and every guardian.
 * Idempotent and resumable: a notice is claimed in the same transaction that sends it, and a run
 * killed half-way leaves every child either fully reviewed or untouched.
 * `afterChild` lets a test stop the run half-way.
 */
export async function reviewProxies(
  services: ProxyReviewServices,
  now: number,
  options: { afterChild?: (childId: string) => void | Promise<void> } = {},
): Promise<ProxyReview> {
  const review: ProxyReview = { children: 0, ended: 0, notices: 0, registerFailures: 0 };
  let after = '';
  for (;;) {
    const children = await listChildrenWithActiveProxies(services.database.db, after, BATCH);
    for (const child of children) {
      await reviewChild(services, child.child_citizen_id, child.personnummer, now, review);
      review.children += 1;
      await options.afterChild?.(child.child_citizen_id);
    }
    if (children.length < BATCH) return review;
    after = children.at(-1)?.child_citizen_id ?? after;
  }
}

async function reviewChild(
  services: ProxyReviewServices,
  childId: string,
  childPersonnummer: string,
  now: number,
  review: ProxyReview,
): Promise<void> {
  const rules = services.config.proxy;
  const instant = new Date(now);
  const proxies = await listActiveProxiesOfChild(services.database.db, childId);
  let child: Person | undefined;
  let guardians: (Person | undefined)[];
  try {
    [child, ...guardians] = await Promise.all([
      services.registers.findPerson(childPersonnummer),
      ...proxies.map((proxy) => services.registers.findPerson(proxy.guardian_personnummer)),
    ]);
  } catch {
    // The register did not answer: nothing is ended on a guess; the next run looks again.
    review.registerFailures += 1;
    return;
  }
  const refusals = new Map<string, ProxyRefusal>();
  proxies.forEach((proxy, index) => {
    const guardian = guardians[index];
    const refusal = guardian ? refusalOfProxy(guardian, child, instant, rules) : 'not-guardian';
    if (refusal) refusals.set(proxy.id, refusal);
  });
  const party = child && proxyPartyOf(child, instant);
  const stage = party ? proxyStage(party, instant, rules) : undefined;

  await services.database.db.transaction().execute(async (trx) => {
    for (const reason of new Set(refusals.values())) {
      const guardianIds = proxies
        .filter((proxy) => refusals.get(proxy.id) === reason)
        .map((proxy) => proxy.guardian_citizen_id);
      review.ended += (await endProxiesOfChild(trx, { childId, guardianIds, reason, now })).length;
    }

    const remaining = proxies.filter((proxy) => !refusals.has(proxy.id));
    if (stage?.stage !== 'notice-due' || remaining.length === 0) return;
    const claimed = await claimProxyNotice(trx, { childId, notice: stage.notice, endDate: stage.endDate }, now);
    if (!claimed) return;
    const values = { endDate: stage.endDate, ageLimit: rules.ageLimit };
    const reminder = stage.notice === 'reminder';
    await sendInboxMessage(trx, {
      citizenId: childId,
      template: reminder ? 'proxy-ends-reminder-child' : 'proxy-ends-soon-child',
      values,
      now,
    });
    for (const proxy of remaining) {
      await sendInboxMessage(trx, {
        citizenId: proxy.guardian_citizen_id,
        template: reminder ? 'proxy-ends-reminder-guardian' : 'proxy-ends-soon-guardian',
        aboutCitizenId: childId,
        values,
        now,
      });
    }
    review.notices += 1;
  });
}
