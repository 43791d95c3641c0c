import { describe, expect, it } from 'vitest';
import { LIST_VIEW_WINDOW_MS, RecentListViews } from './recent-list-views.ts';
import type { AccessEntry } from './record-access.ts';

const entry = (errandId: string, staffHsaId = 'SE-RECEIVER'): AccessEntry => ({
  unitHsaId: 'SE-UNIT',
  errandId,
  citizenId: 'citizen',
  staffHsaId,
  role: 'receiver',
  action: 'list',
});

describe('RecentListViews', () => {
  it('holds an entry back within the window only, for the same person', () => {
    const recent = new RecentListViews();
    recent.remember([entry('a')], 1_000);
    expect(recent.unlogged([entry('a'), entry('b'), entry('a', 'SE-OTHER')], 1_000 + LIST_VIEW_WINDOW_MS - 1)).toEqual([
      entry('b'),
      entry('a', 'SE-OTHER'),
    ]);
    expect(recent.unlogged([entry('a')], 1_000 + LIST_VIEW_WINDOW_MS)).toEqual([entry('a')]);
    // A clock set back does not hold entries back.
    expect(recent.unlogged([entry('a')], 999)).toEqual([entry('a')]);
  });

  it('forgets the oldest first when full, so a busy process stays bounded', () => {
    const recent = new RecentListViews();
    const many = Array.from({ length: 100_001 }, (_, n) => entry(String(n)));
    recent.remember(many, 1_000);
    expect(recent.size).toBe(100_000);
    expect(recent.unlogged([entry('0'), entry('1'), entry('100000')], 1_001)).toEqual([entry('0')]);
  });
});
