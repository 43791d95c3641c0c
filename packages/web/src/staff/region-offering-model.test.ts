import { describe, expect, it } from 'vitest';
import { bodyFromDraft, draftFromOffering, invalidReplyTimes, offeringChanged } from './region-offering-model.ts';

const loaded = [
  { errandType: 'advice', allowed: true, openToProxies: true, citizenMayReply: true, replyTime: null },
  {
    errandType: 'renew-prescription',
    allowed: false,
    openToProxies: false,
    citizenMayReply: true,
    replyTime: { amount: 3, unit: 'working-days' as const },
  },
];

describe('the base-offering draft', () => {
  it('round-trips what was loaded, and is unchanged until edited', () => {
    const draft = draftFromOffering(loaded);
    expect(bodyFromDraft(draft).items).toEqual(loaded);
    expect(offeringChanged(draft, draftFromOffering(loaded))).toBe(false);
    const edited = draft.map((row) => (row.errandType === 'advice' ? { ...row, allowed: false } : row));
    expect(offeringChanged(edited, draft)).toBe(true);
  });

  it('ignores the unit of a blank reply time, and trims the amount', () => {
    const draft = draftFromOffering(loaded);
    const unitOnly = draft.map((row) =>
      row.errandType === 'advice' ? { ...row, replyUnit: 'working-hours' as const } : row,
    );
    expect(offeringChanged(unitOnly, draft)).toBe(false);
    const padded = draft.map((row) => (row.errandType === 'advice' ? { ...row, replyAmount: ' 2 ' } : row));
    expect(bodyFromDraft(padded).items[0]?.replyTime).toEqual({ amount: 2, unit: 'working-days' });
  });

  it('finds reply times that are not whole numbers from 1 to 60', () => {
    const draft = draftFromOffering(loaded);
    for (const bad of ['0', '61', '2.5', 'tre', '-1']) {
      const rows = draft.map((row) => (row.errandType === 'advice' ? { ...row, replyAmount: bad } : row));
      expect(invalidReplyTimes(rows), bad).toEqual(['advice']);
    }
    expect(invalidReplyTimes(draft)).toEqual([]);
  });
});
