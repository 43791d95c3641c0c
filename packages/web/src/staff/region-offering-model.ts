import { REPLY_TIME_MAX_AMOUNT, type RegionOfferingBody, type ReplyTimeUnit } from '@kontakta/contract';

// The base-offering form's draft: what the page edits, and the body it sends (one save for all).

export type OfferingRow = Readonly<{
  errandType: string;
  allowed: boolean;
  openToProxies: boolean;
  citizenMayReply: boolean;
  /** As typed; empty means no default reply time. */
  replyAmount: string;
  replyUnit: ReplyTimeUnit;
}>;

type OfferingItem = Readonly<{
  errandType: string;
  allowed: boolean;
  openToProxies: boolean;
  citizenMayReply: boolean;
  replyTime: Readonly<{ amount: number; unit: ReplyTimeUnit }> | null;
}>;

export function draftFromOffering(items: readonly OfferingItem[]): OfferingRow[] {
  return items.map((item) => ({
    errandType: item.errandType,
    allowed: item.allowed,
    openToProxies: item.openToProxies,
    citizenMayReply: item.citizenMayReply,
    replyAmount: item.replyTime ? String(item.replyTime.amount) : '',
    replyUnit: item.replyTime?.unit ?? 'working-days',
  }));
}

/** Whether the draft differs from what was loaded (the unit of a blank reply time does not count). */
export function offeringChanged(draft: readonly OfferingRow[], saved: readonly OfferingRow[]): boolean {
  const key = (row: OfferingRow) =>
    JSON.stringify([
      row.errandType,
      row.allowed,
      row.openToProxies,
      row.citizenMayReply,
      row.replyAmount.trim(),
      row.replyAmount.trim() === '' ? '' : row.replyUnit,
    ]);
  return draft.length !== saved.length || draft.some((row, index) => key(row) !== key(saved[index] as OfferingRow));
}

/** The rows whose reply time is not a whole number from 1 to the limit. */
export function invalidReplyTimes(draft: readonly OfferingRow[]): string[] {
  return draft
    .filter((row) => {
      const text = row.replyAmount.trim();
      if (text === '') return false;
      const amount = Number(text);
      return !/^[0-9]+$/.test(text) || amount < 1 || amount > REPLY_TIME_MAX_AMOUNT;
    })
    .map((row) => row.errandType);
}

export function bodyFromDraft(draft: readonly OfferingRow[]): RegionOfferingBody {
  return {
    items: draft.map((row) => {
      const text = row.replyAmount.trim();
      return {
        errandType: row.errandType,
        allowed: row.allowed,
        openToProxies: row.openToProxies,
        citizenMayReply: row.citizenMayReply,
        replyTime: text === '' ? null : { amount: Number(text), unit: row.replyUnit },
      };
    }),
  };
}
