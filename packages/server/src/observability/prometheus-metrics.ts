import { isBaseErrandTypeId } from '@kontakta/domain';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { CODE_MESSAGE_PURPOSES, SMS_REFUSALS } from '../identity/code-message.policy.ts';
import type { OutboxChannel } from '../storage/schema.ts';
import { DELIVERY_OUTCOMES, type Telemetry } from './telemetry.ts';

/**
 * One process's metrics: the registry /metrics serves, and the Telemetry the code reports to.
 * Created once per server (not a module global: tests build many apps in one process) and
 * handed to whatever serves the text — the app's /metrics, or a listener of its own.
 */
export type Metrics = Readonly<{ registry: Registry; telemetry: Telemetry }>;

const CHANNELS: readonly OutboxChannel[] = ['email', 'sms', 'letter'];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const logins = new Counter({
    name: 'kontakta_logins_total',
    help: 'Login attempts by audience (citizen, staff), method (eid, password-sms) and result (success, refused, failed)',
    labelNames: ['audience', 'method', 'result'] as const,
    registers,
  });
  const errandEvents = new Counter({
    name: 'kontakta_errand_transitions_total',
    help: 'Errand events (sent, opened, assigned, answered, closed …) by errand type; custom types count as "custom"',
    labelNames: ['event', 'errand_type'] as const,
    registers,
  });
  const deliveries = new Counter({
    name: 'kontakta_outbox_deliveries_total',
    help: 'Outbox delivery outcomes by channel: sent, retrying (failed, will retry), dead, bounced, expired',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  // Every channel and outcome from the start, so that a rate or an alert on e.g. dead messages
  // has a series to work on before the first one dies.
  for (const channel of CHANNELS) for (const outcome of DELIVERY_OUTCOMES) deliveries.inc({ channel, outcome }, 0);

  const fsyncSeconds = new Histogram({
    name: 'kontakta_group_commit_fsync_seconds',
    help: 'SQLite group commit: time of each WAL fsync, which every response waits for',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const commitsPerFsync = new Histogram({
    name: 'kontakta_group_commit_batch_commits',
    help: 'SQLite group commit: commits made durable by each WAL fsync',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers,
  });

  // Statements per request (this over kontakta_http_request_duration_seconds_count) is the first
  // thing to look at when a route gets slower: most of a request's CPU is the database's.
  const statements = new Counter({
    name: 'kontakta_database_statements_total',
    help: "Statements the server's database connection ran, begin and commit included",
    registers,
  });

  // SMS cost money per message: a rise in refusals, or in codes sent, is how SMS pumping shows.
  const smsQueued = new Counter({
    name: 'kontakta_sms_queued_total',
    help: 'SMS with a code queued for sending, by purpose (login-code, contact-verification)',
    labelNames: ['purpose'] as const,
    registers,
  });
  for (const purpose of CODE_MESSAGE_PURPOSES) smsQueued.inc({ purpose }, 0);
  const smsRefused = new Counter({
    name: 'kontakta_sms_refused_total',
    help: 'SMS with a code not sent, by reason: country-not-allowed, not-a-mobile-number, account-limit, recipient-limit, global-limit',
    labelNames: ['reason'] as const,
    registers,
  });
  for (const reason of SMS_REFUSALS) smsRefused.inc({ reason }, 0);

  // Staff asking for errands they may not see: one now and then is a stale link, a burst is probing.
  const staffRefusals = new Counter({
    name: 'kontakta_staff_errand_refusals_total',
    help: 'Staff refused an errand (404: not theirs to see); each is a security event',
    registers,
  });
  staffRefusals.inc(0);
  const repeatedRefusals = new Counter({
    name: 'kontakta_staff_repeated_refusals_total',
    help: 'Members of staff refused errands 5 times within 10 minutes (worth a look by security)',
    registers,
  });
  repeatedRefusals.inc(0);

  const jobRuns = new Counter({
    name: 'kontakta_scheduled_job_runs_total',
    help: 'Scheduled job runs by job name and outcome (ok, failed); `kontakta jobs` shows the last one of each',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });

  return {
    registry,
    telemetry: {
      staffErrandRefused: ({ repeated }) => {
        staffRefusals.inc();
        if (repeated) repeatedRefusals.inc();
      },
      loginAttempted: (attempt) => logins.inc({ ...attempt }),
      errandEvent: ({ event, errandType }) => errandEvents.inc({ event, errand_type: errandTypeLabel(errandType) }),
      outboxDelivery: ({ channel, outcome }) => deliveries.inc({ channel, outcome }),
      groupCommitSynced: ({ seconds, commits }) => {
        fsyncSeconds.observe(seconds);
        commitsPerFsync.observe(commits);
      },
      statementRun: () => statements.inc(),
      smsQueued: ({ purpose }) => smsQueued.inc({ purpose }),
      smsRefused: ({ reason }) => smsRefused.inc({ reason }),
      scheduledJobRun: ({ job, outcome }) => jobRuns.inc({ job, outcome }),
    },
  };
}

/** A base type's id is the same everywhere; a custom type's id names one unit's form, so it is not a label. */
export function errandTypeLabel(errandType: string): string {
  return isBaseErrandTypeId(errandType) ? errandType : 'custom';
}
