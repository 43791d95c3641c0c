import { describe, expect, it } from 'vitest';
import { type GroupCommitSync, walGroupCommit } from './wal-group-commit.ts';

/** An fsync that finishes only when the test says so, counting how often it ran. */
function manualSync() {
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let started = 0;
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      started++;
      pending.push({ resolve, reject });
    });
  const finishNext = async (error?: Error) => {
    const next = pending.shift();
    if (!next) throw new Error('no fsync is running');
    if (error) next.reject(error);
    else next.resolve();
    // Let the group commit's loop see the result and start the next fsync.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sync, finishNext, running: () => pending.length, started: () => started };
}

describe('WAL group commit', () => {
  it('has nothing to wait for before the first commit', () => {
    const group = walGroupCommit('/nowhere-wal', manualSync().sync);
    expect(group.whenDurable()).toBeUndefined();
  });

  it('confirms a commit only after an fsync that started after it', async () => {
    const disk = manualSync();
    const group = walGroupCommit('/nowhere-wal', disk.sync);
    group.committed();
    let durable = false;
    void group.whenDurable()?.then(() => {
      durable = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(durable).toBe(false);
    await disk.finishNext();
    expect(durable).toBe(true);
    expect(group.whenDurable()).toBeUndefined();
  });

  it('covers every commit made during one fsync with a single next fsync', async () => {
    const disk = manualSync();
    const group = walGroupCommit('/nowhere-wal', disk.sync);
    group.committed();
    const first = group.whenDurable();
    // Five more commits while the first fsync runs: they must not be confirmed by it.
    const later: Array<Promise<void> | undefined> = [];
    for (let i = 0; i < 5; i++) {
      group.committed();
      later.push(group.whenDurable());
    }
    const settled: string[] = [];
    void first?.then(() => settled.push('first'));
    for (const promise of later) void promise?.then(() => settled.push('later'));

    await disk.finishNext();
    expect(settled).toEqual(['first']);
    expect(disk.running()).toBe(1);
    await disk.finishNext();
    expect(settled).toEqual(['first', 'later', 'later', 'later', 'later', 'later']);
    expect(disk.started()).toBe(2);
    expect(disk.running()).toBe(0);
  });

  it('refuses every waiting and later confirmation once an fsync has failed', async () => {
    const disk = manualSync();
    const group = walGroupCommit('/nowhere-wal', disk.sync);
    group.committed();
    const refused = expect(group.whenDurable()).rejects.toThrow('EIO');
    await disk.finishNext(new Error('EIO'));
    await refused;
    group.committed();
    await expect(group.whenDurable()).rejects.toThrow('EIO');
  });

  it('reports each fsync that succeeded with its time and the commits it made durable', async () => {
    const disk = manualSync();
    const observed: GroupCommitSync[] = [];
    const group = walGroupCommit('/nowhere-wal', disk.sync, (sync) => observed.push(sync));
    group.committed();
    // Three commits while the first fsync runs; it holds the disk for a measurable while.
    for (let i = 0; i < 3; i++) group.committed();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await disk.finishNext();
    expect(observed).toHaveLength(1);
    expect(observed[0]?.commits).toBe(1);
    expect(observed[0]?.seconds).toBeGreaterThanOrEqual(0.025);
    expect(observed[0]?.seconds).toBeLessThan(5);
    await disk.finishNext();
    expect(observed.map((o) => o.commits)).toEqual([1, 3]);

    // A failed fsync is not a latency: it refuses the answers instead (tested above).
    group.committed();
    await disk.finishNext(new Error('EIO'));
    expect(observed).toHaveLength(2);
  });

  it('keeps syncing when the observer throws', async () => {
    const disk = manualSync();
    const group = walGroupCommit('/nowhere-wal', disk.sync, () => {
      throw new Error('metrics broke');
    });
    group.committed();
    const first = group.whenDurable();
    await disk.finishNext();
    await expect(first).resolves.toBeUndefined();
    group.committed();
    const second = group.whenDurable();
    expect(disk.running()).toBe(1);
    await disk.finishNext();
    await expect(second).resolves.toBeUndefined();
  });
});
