import type { ErrandEventType } from '@kontakta/domain';
import type { CodeMessagePurpose, SmsRefusal } from '../identity/code-message.policy.ts';
import type { LoginAudience, LoginEventTable, OutboxChannel } from '../storage/schema.ts';
import type { GroupCommitSync } from '../storage/wal-group-commit.ts';

/**
 * What the code tells the operator's metrics, as it happens. Use cases and jobs get it as a
 * dependency (in Services, or an option), so they neither know prom-client nor reach a global;
 * the Prometheus side is prometheus-metrics.ts. Every argument is a closed set of values: a
 * label never carries an id, a name or free text.
 */
export type Telemetry = Readonly<{
  /** A login attempt ended; called wherever a `login_event` row is written. */
  loginAttempted(attempt: LoginAttempt): void;
  /** An errand event was committed. `errandType` is the errand's type id; custom ones are counted as one. */
  errandEvent(event: Readonly<{ event: ErrandEventType; errandType: string }>): void;
  /** The outbox worker recorded the outcome of one message. */
  outboxDelivery(delivery: Readonly<{ channel: OutboxChannel; outcome: DeliveryOutcome }>): void;
  /** SQLite group commit synced the WAL. */
  groupCommitSynced(sync: GroupCommitSync): void;
  /** The server's database connection ran a statement (begin and commit included). */
  statementRun(): void;
  /** An SMS with a code was queued (login code, or confirming a mobile number). */
  smsQueued(sms: Readonly<{ purpose: CodeMessagePurpose }>): void;
  /** An SMS with a code was not sent: a number Kontakta does not text, or a limit reached. */
  smsRefused(refusal: Readonly<{ reason: SmsRefusal }>): void;
  /** A member of staff was refused an errand (404); `repeated` once they pass the threshold. */
  staffErrandRefused(refusal: Readonly<{ repeated: boolean }>): void;
  /** A scheduled job's run ended (jobs/scheduler/); `job` is the job's name, a fixed set in the code. */
  scheduledJobRun(run: Readonly<{ job: string; outcome: 'ok' | 'failed' }>): void;
}>;

export type LoginAttempt = Readonly<{
  audience: LoginAudience;
  method: LoginEventTable['method'];
  result: LoginEventTable['result'];
}>;

/** retrying: failed, another attempt is due; the others are final. */
export const DELIVERY_OUTCOMES = ['sent', 'retrying', 'dead', 'bounced', 'expired'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** For code run without metrics (tools, tests that do not look at them). */
export const noTelemetry: Telemetry = {
  loginAttempted: () => {},
  errandEvent: () => {},
  outboxDelivery: () => {},
  groupCommitSynced: () => {},
  statementRun: () => {},
  smsQueued: () => {},
  smsRefused: () => {},
  staffErrandRefused: () => {},
  scheduledJobRun: () => {},
};
