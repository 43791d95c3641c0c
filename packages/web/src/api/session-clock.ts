import type { ServerContact } from './api-client.ts';

// The browser's estimate of when the session ends for inactivity. The server is the authority
// (it ends the session whatever the browser thinks); this only warns in time. Times are the
// browser's clock; the server's answers are converted with its `Date` header, so a browser whose
// clock is wrong still warns at the right moment.

/** The server writes "last seen" at most once a minute, so activity may count up to a minute less. */
export const TOUCH_SLACK_MS = 60_000;
/** The warning comes this long before the end. */
export const WARNING_BEFORE_MS = 2 * 60_000;
const MINUTE_MS = 60_000;

export type SessionClock = Readonly<{
  /** The configured idle timeout, as far as it can be told. */
  idleMs: number;
  /** When the session ends without further activity (browser clock). */
  idleDeadline: number;
  /** The absolute end, however active (browser clock). */
  absoluteDeadline: number;
}>;

/** The clock from `GET /api/session`, read at `contact`. */
export function clockFromSession(
  session: Readonly<{ idleExpiresAt: number; expiresAt: number }>,
  contact: ServerContact,
): SessionClock {
  // The Date header is whole seconds, rounded down: the server's true time may be up to a second later.
  const serverNow = contact.serverNow === undefined ? contact.receivedAt : contact.serverNow + 999;
  const idleLeft = session.idleExpiresAt - serverNow;
  const absoluteLeft = session.expiresAt - serverNow;
  // The idle timeout is configured in whole minutes, and the session was seen less than a minute ago.
  const idleMs = Math.max(MINUTE_MS, Math.ceil(idleLeft / MINUTE_MS) * MINUTE_MS);
  return {
    idleMs,
    idleDeadline: contact.receivedAt + idleLeft,
    absoluteDeadline: contact.receivedAt + absoluteLeft,
  };
}

/** After a request the server answered with the session: the idle end moves forward. */
export function clockAfterActivity(clock: SessionClock, contact: ServerContact): SessionClock {
  const earliest = contact.receivedAt + clock.idleMs - TOUCH_SLACK_MS;
  return earliest > clock.idleDeadline ? { ...clock, idleDeadline: earliest } : clock;
}

export function sessionDeadline(clock: SessionClock): number {
  return Math.min(clock.idleDeadline, clock.absoluteDeadline);
}

export type SessionPhase = 'active' | 'warning' | 'ended';

export function sessionPhase(clock: SessionClock, now: number): SessionPhase {
  const deadline = sessionDeadline(clock);
  if (now >= deadline) return 'ended';
  return now >= deadline - WARNING_BEFORE_MS ? 'warning' : 'active';
}

/** When the phase next changes, or undefined when it has ended. */
export function nextPhaseChangeAt(clock: SessionClock, now: number): number | undefined {
  const deadline = sessionDeadline(clock);
  if (now >= deadline) return undefined;
  const warningAt = deadline - WARNING_BEFORE_MS;
  return now < warningAt ? warningAt : deadline;
}
