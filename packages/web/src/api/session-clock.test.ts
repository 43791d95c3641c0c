import { describe, expect, it } from 'vitest';
import {
  clockAfterActivity,
  clockFromSession,
  nextPhaseChangeAt,
  sessionDeadline,
  sessionPhase,
  TOUCH_SLACK_MS,
} from './session-clock.ts';

const MINUTE = 60_000;
const SERVER_NOW = Date.UTC(2026, 10, 22, 10, 0, 0);

describe('the session clock', () => {
  it('reads the idle timeout and the deadlines from the session, in the browser’s time', () => {
    // The browser's clock is five minutes behind the server's.
    const browserNow = SERVER_NOW - 5 * MINUTE;
    const clock = clockFromSession(
      { idleExpiresAt: SERVER_NOW + 60 * MINUTE, expiresAt: SERVER_NOW + 12 * 60 * MINUTE },
      { receivedAt: browserNow, serverNow: SERVER_NOW },
    );
    expect(clock.idleMs).toBe(60 * MINUTE);
    // Never later than the server's end, at most a second earlier.
    expect(clock.idleDeadline).toBeLessThanOrEqual(browserNow + 60 * MINUTE);
    expect(clock.idleDeadline).toBeGreaterThan(browserNow + 60 * MINUTE - 1000);
  });

  it('recognises the configured timeout when the session was seen up to a minute ago', () => {
    const clock = clockFromSession(
      { idleExpiresAt: SERVER_NOW + 30 * MINUTE - 40_000, expiresAt: SERVER_NOW + 12 * 60 * MINUTE },
      { receivedAt: 0, serverNow: SERVER_NOW },
    );
    expect(clock.idleMs).toBe(30 * MINUTE);
  });

  it('moves the idle end on activity, allowing for the server’s once-a-minute bookkeeping', () => {
    const start = clockFromSession(
      { idleExpiresAt: SERVER_NOW + 60 * MINUTE, expiresAt: SERVER_NOW + 12 * 60 * MINUTE },
      { receivedAt: 0, serverNow: SERVER_NOW },
    );
    const later = clockAfterActivity(start, { receivedAt: 10 * MINUTE, serverNow: undefined });
    expect(later.idleDeadline).toBe(10 * MINUTE + 60 * MINUTE - TOUCH_SLACK_MS);
    // Activity never moves the end backwards.
    expect(clockAfterActivity(later, { receivedAt: MINUTE, serverNow: undefined })).toBe(later);
  });

  it('never runs past the absolute end', () => {
    const clock = clockFromSession(
      { idleExpiresAt: SERVER_NOW + 10 * MINUTE, expiresAt: SERVER_NOW + 10 * MINUTE },
      { receivedAt: 0, serverNow: SERVER_NOW },
    );
    const after = clockAfterActivity(clock, { receivedAt: 5 * MINUTE, serverNow: undefined });
    expect(sessionDeadline(after)).toBe(clock.absoluteDeadline);
  });

  it('warns two minutes before the end and then ends', () => {
    const clock = { idleMs: 60 * MINUTE, idleDeadline: 60 * MINUTE, absoluteDeadline: 600 * MINUTE };
    expect(sessionPhase(clock, 57 * MINUTE)).toBe('active');
    expect(nextPhaseChangeAt(clock, 57 * MINUTE)).toBe(58 * MINUTE);
    expect(sessionPhase(clock, 58 * MINUTE)).toBe('warning');
    expect(nextPhaseChangeAt(clock, 58 * MINUTE)).toBe(60 * MINUTE);
    expect(sessionPhase(clock, 60 * MINUTE)).toBe('ended');
    expect(nextPhaseChangeAt(clock, 60 * MINUTE)).toBeUndefined();
  });
});
