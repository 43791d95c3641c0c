import { describe, expect, it } from 'vitest';
import { frameOf, NATIONAL_FRAME, unitTypeFlags } from './region-frame.ts';

const policy = {
  region_code: '01',
  errand_type: 'advice',
  allowed: 0 as const,
  open_to_proxies: 0 as const,
  citizen_may_reply: 1 as const,
  reply_amount: 3,
  reply_unit: 'working-days' as const,
  updated_at: 1,
  updated_by: 'SE2321000016-P01001',
};

describe("a region's frame", () => {
  it('is the national one where the region has set nothing', () => {
    expect(frameOf(undefined)).toEqual(NATIONAL_FRAME);
    expect(NATIONAL_FRAME).toEqual({ allowed: true, openToProxies: true, citizenMayReply: true, replyTime: null });
  });

  it('reads a policy row, with a reply time only when both parts are there', () => {
    expect(frameOf(policy)).toEqual({
      allowed: false,
      openToProxies: false,
      citizenMayReply: true,
      replyTime: { amount: 3, unit: 'working-days' },
    });
    expect(frameOf({ ...policy, reply_unit: null }).replyTime).toBeNull();
  });

  it("gives a unit's type the region's defaults until an administrator has set it", () => {
    const row = { errand_type: 'advice', unit_hsa_id: 'u', open_to_proxies: 1 as const, citizen_may_reply: 0 as const };
    const frame = frameOf(policy);
    // The stored row closes replies, the region closes proxies: both closed; a default never opens.
    expect(unitTypeFlags({ ...row, updated_by: null }, frame)).toEqual({
      openToProxies: false,
      citizenMayReply: false,
    });
    expect(unitTypeFlags({ ...row, updated_by: null }, NATIONAL_FRAME)).toEqual({
      openToProxies: true,
      citizenMayReply: false,
    });
    expect(unitTypeFlags({ ...row, updated_by: 'SE2321000016-P01002' }, frame)).toEqual({
      openToProxies: true,
      citizenMayReply: false,
    });
  });
});
