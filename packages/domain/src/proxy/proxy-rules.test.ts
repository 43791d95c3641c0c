import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROXY_RULES,
  daysBeforeDate,
  monthsBeforeDate,
  type ProxyParty,
  proxyEndsAt,
  proxyRefusal,
  proxyStage,
} from './proxy-rules.ts';

const guardian: ProxyParty = {
  personnummer: '198001019806',
  birthDate: '1980-01-01',
  protectedIdentity: false,
  deceased: false,
  guardians: [],
};
const child = (overrides: Partial<ProxyParty> = {}): ProxyParty => ({
  personnummer: '201403152383',
  birthDate: '2014-03-15',
  protectedIdentity: false,
  deceased: false,
  guardians: [guardian.personnummer],
  ...overrides,
});
const on = (iso: string) => new Date(iso);

describe('proxyRefusal', () => {
  const before = on('2026-12-06T10:00:00Z');
  it('lets a guardian act for their child under 13', () => {
    expect(proxyRefusal(guardian, child(), before, DEFAULT_PROXY_RULES)).toBeUndefined();
  });
  it('refuses each case with its own reason', () => {
    expect(proxyRefusal(guardian, undefined, before, DEFAULT_PROXY_RULES)).toBe('child-not-in-register');
    expect(proxyRefusal(guardian, child({ guardians: ['197001019809'] }), before, DEFAULT_PROXY_RULES)).toBe(
      'not-guardian',
    );
    expect(proxyRefusal(guardian, child({ deceased: true }), before, DEFAULT_PROXY_RULES)).toBe('child-deceased');
    expect(proxyRefusal(guardian, child({ protectedIdentity: true }), before, DEFAULT_PROXY_RULES)).toBe(
      'protected-identity',
    );
    expect(proxyRefusal({ ...guardian, protectedIdentity: true }, child(), before, DEFAULT_PROXY_RULES)).toBe(
      'protected-identity',
    );
    expect(proxyRefusal(guardian, child({ birthDate: '2013-12-06' }), before, DEFAULT_PROXY_RULES)).toBe(
      'child-too-old',
    );
  });
  it('tells a stranger only that it is not their child, whatever else is true of the child', () => {
    const stranger = { ...guardian, personnummer: '197505059801' };
    expect(
      proxyRefusal(stranger, child({ protectedIdentity: true, birthDate: '2010-01-01' }), before, DEFAULT_PROXY_RULES),
    ).toBe('not-guardian');
  });
  it('ends at midnight Stockholm time on the 13th birthday, and the limit is a setting', () => {
    const c = child({ birthDate: '2013-12-07' });
    expect(proxyEndsAt(c, DEFAULT_PROXY_RULES).toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(proxyRefusal(guardian, c, on('2026-12-06T22:59:59Z'), DEFAULT_PROXY_RULES)).toBeUndefined();
    expect(proxyRefusal(guardian, c, on('2026-12-06T23:00:00Z'), DEFAULT_PROXY_RULES)).toBe('child-too-old');
    expect(proxyRefusal(guardian, c, on('2026-12-06T10:00:00Z'), { ...DEFAULT_PROXY_RULES, ageLimit: 12 })).toBe(
      'child-too-old',
    );
  });
});

describe('proxyStage', () => {
  const c = child({ birthDate: '2014-03-15' }); // turns 13 on 2027-03-15
  it('is active until three months before, then the first notice, then the reminder, then ended', () => {
    expect(proxyStage(c, on('2026-12-14T12:00:00Z'), DEFAULT_PROXY_RULES)).toEqual({ stage: 'active' });
    expect(proxyStage(c, on('2026-12-15T12:00:00Z'), DEFAULT_PROXY_RULES)).toEqual({
      stage: 'notice-due',
      notice: 'first-notice',
      endDate: '2027-03-15',
    });
    expect(proxyStage(c, on('2027-03-07T12:00:00Z'), DEFAULT_PROXY_RULES)).toMatchObject({ notice: 'first-notice' });
    expect(proxyStage(c, on('2027-03-08T12:00:00Z'), DEFAULT_PROXY_RULES)).toMatchObject({ notice: 'reminder' });
    expect(proxyStage(c, on('2027-03-14T22:59:00Z'), DEFAULT_PROXY_RULES)).toMatchObject({ notice: 'reminder' });
    expect(proxyStage(c, on('2027-03-14T23:00:00Z'), DEFAULT_PROXY_RULES)).toEqual({
      stage: 'ended',
      endDate: '2027-03-15',
    });
  });
  it('after a missed run, only the latest notice that applies is due', () => {
    expect(proxyStage(c, on('2027-03-10T12:00:00Z'), DEFAULT_PROXY_RULES)).toMatchObject({ notice: 'reminder' });
  });
});

describe('calendar arithmetic', () => {
  it('counts months back to the same day, or the month’s last day', () => {
    expect(monthsBeforeDate('2027-03-15', 3)).toBe('2026-12-15');
    expect(monthsBeforeDate('2027-05-31', 3)).toBe('2027-02-28');
    expect(monthsBeforeDate('2027-01-10', 1)).toBe('2026-12-10');
  });
  it('counts days back across a clock change', () => {
    expect(daysBeforeDate('2027-04-02', 7)).toBe('2027-03-26');
    expect(daysBeforeDate('2027-03-01', 1)).toBe('2027-02-28');
  });
});
