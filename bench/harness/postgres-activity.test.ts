import { describe, expect, it } from 'vitest';
import { activityKind, describeActivity } from './postgres-activity.ts';

describe("PostgreSQL's connections as the mix report shows them", () => {
  it('tells a transaction waiting for Kontakta from one waiting for a lock, the WAL or nothing', () => {
    expect(activityKind('idle in transaction', 'Client', 'ClientRead')).toBe('waiting for Kontakta');
    expect(activityKind('active', 'Client', 'ClientRead')).toBe('waiting for Kontakta');
    expect(activityKind('active', 'Lock', 'transactionid')).toBe('lock');
    expect(activityKind('active', 'LWLock', 'WALWrite')).toBe('WAL and I/O');
    expect(activityKind('active', 'IO', 'WALSync')).toBe('WAL and I/O');
    expect(activityKind('active', null, null)).toBe('running');
    expect(activityKind('active', 'LWLock', 'BufferContent')).toBe('other');
  });

  it('names the largest shares first and leaves out what rounds to nothing', () => {
    const text = describeActivity({
      samples: 700,
      shares: { running: 0.2, lock: 0.001, 'WAL and I/O': 0.1, 'waiting for Kontakta': 0.699, other: 0 },
      maxBusy: 10,
      longestTransactionMs: 812,
    });
    expect(text).toBe(
      'waiting for Kontakta 70 %, running 20 %, WAL and I/O 10 %; at most 10 busy, longest transaction 812 ms',
    );
  });
});
