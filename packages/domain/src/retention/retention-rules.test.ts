import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_RULES,
  deletionDateOf,
  deletionEpochIsOver,
  deletionEpochOf,
  errandExpiresAt,
  restartsRetention,
  retentionNoticeFrom,
} from './retention-rules.ts';

const at = (iso: string) => new Date(iso).getTime();

describe('retention rules', () => {
  it('deletes at the start of the day after the two-year anniversary of the last event, Stockholm time', () => {
    const expires = errandExpiresAt(at('2026-12-06T10:00:00Z'), DEFAULT_RETENTION_RULES);
    expect(new Date(expires).toISOString()).toBe('2028-12-06T23:00:00.000Z');
    expect(deletionDateOf(expires)).toBe('2028-12-07');
    // Late in the evening Stockholm time is already the next day in UTC terms, and counts as that day.
    expect(deletionDateOf(errandExpiresAt(at('2026-06-30T22:30:00Z'), DEFAULT_RETENTION_RULES))).toBe('2028-07-02');
  });
  it('a leap day ends on 28 February two years later, deleted on 1 March', () => {
    expect(deletionDateOf(errandExpiresAt(at('2028-02-29T12:00:00Z'), DEFAULT_RETENTION_RULES))).toBe('2030-03-01');
  });
  it('names the month the errand is deleted in as its epoch, and knows when a month is over', () => {
    const expires = errandExpiresAt(at('2026-12-31T10:00:00Z'), DEFAULT_RETENTION_RULES);
    expect(deletionEpochOf(expires)).toBe('2029-01');
    expect(deletionEpochIsOver('2029-01', at('2029-01-31T22:59:59Z'))).toBe(false);
    expect(deletionEpochIsOver('2029-01', at('2029-01-31T23:00:00Z'))).toBe(true);
  });
  it('notices start thirty days before; reading does not restart the clock, answering does', () => {
    const expires = errandExpiresAt(at('2026-12-06T10:00:00Z'), DEFAULT_RETENTION_RULES);
    expect(expires - retentionNoticeFrom(expires, DEFAULT_RETENTION_RULES)).toBe(30 * 86_400_000);
    expect(restartsRetention('opened')).toBe(false);
    expect(restartsRetention('read-by-citizen')).toBe(false);
    expect(restartsRetention('answered')).toBe(true);
    expect(restartsRetention('citizen-replied')).toBe(true);
  });
});
