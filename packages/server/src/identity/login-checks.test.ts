import { createHash, randomBytes } from 'node:crypto';
import { makePersonnummer } from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import { checkLoginPersonnummer } from './login-personnummer.ts';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountThrottleKey,
  addressThrottleKey,
  countsForAccount,
  lockAfter,
  PAIR_RULE,
  pairThrottleKey,
} from './login-throttle.policy.ts';

const today = new Date('2026-11-22T12:00:00Z');
const MINUTE = 60_000;

describe('the personnummer an e-ID asserts', () => {
  it('logs in a personnummer in its canonical form', () => {
    expect(checkLoginPersonnummer('19121212-1212', today)).toEqual({ ok: true, personnummer: '191212121212' });
  });

  it.each([
    ['nothing (a foreign e-ID)', undefined, 'no-personnummer'],
    ['an empty claim', '  ', 'no-personnummer'],
    ['a number that is not a string', 191212121212, 'no-personnummer'],
    [
      'a coordination number',
      makePersonnummer({ birthDate: '1990-01-01', sex: 'male', sequence: 1, kind: 'samordningsnummer' }),
      'coordination-number',
    ],
    ['a reserve number', '998001011234', 'reserve-number'],
    ['a reserve number with letters', '19800101R123', 'reserve-number'],
    ['a wrong control digit', '191212121213', 'invalid-personnummer'],
    ['garbage', 'Robert; DROP TABLE', 'invalid-personnummer'],
  ])('refuses %s', (_name, claim, reason) => {
    expect(checkLoginPersonnummer(claim, today)).toEqual({ ok: false, reason });
  });
});

describe('login backoff', () => {
  it('lets the first failures pass, then doubles the pause up to an hour', () => {
    const pauses = Array.from({ length: 14 }, (_, i) => lockAfter(i + 1, PAIR_RULE) / MINUTE);
    expect(pauses).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(lockAfter(19, ADDRESS_RULE)).toBe(0);
    expect(lockAfter(20, ADDRESS_RULE)).toBe(MINUTE);
    expect(lockAfter(10_000, PAIR_RULE)).toBe(60 * MINUTE);
  });

  it('lets one address add at most its free failures to the personnummer, fewer than lock it', () => {
    const counted = Array.from({ length: 1000 }, (_, i) => countsForAccount(i + 1)).filter(Boolean).length;
    expect(counted).toBe(PAIR_RULE.freeFailures);
    expect(lockAfter(counted, ACCOUNT_RULE)).toBe(0);
  });

  it('keys counters by HMAC under the master key: neither personnummer nor address in the clear, nor a bare hash', () => {
    const keys = { currentId: 'k', keys: new Map([['k', randomBytes(32)]]) };
    const personnummer = '191212121212';
    const account = accountThrottleKey(keys, personnummer);
    expect(account).not.toContain(personnummer);
    expect(addressThrottleKey(keys, '10.0.0.1')).not.toContain('10.0.0.1');
    expect(pairThrottleKey(keys, personnummer, '10.0.0.1')).not.toContain(personnummer);
    expect(accountThrottleKey(keys, personnummer)).toBe(account);
    // What the key used to be, and what a stolen table could be searched for: not it.
    const bare = createHash('sha256').update(`kontakta-login:${personnummer}`).digest('hex');
    expect(account).not.toContain(bare);
    // Another key (a rotation) gives other keys: the counters start over.
    const rotated = { currentId: 'k2', keys: new Map([['k2', randomBytes(32)]]) };
    expect(accountThrottleKey(rotated, personnummer)).not.toBe(account);
  });
});
