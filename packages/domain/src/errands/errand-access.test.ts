import { describe, expect, it } from 'vitest';
import type { Actor, StaffRole } from '../actors/actor.ts';
import { errandAccess, mayListUnitInbox } from './errand-access.ts';

const errand = { citizenId: 'c1', unitHsaId: 'U1', assignedTo: 'n1', answeredBy: ['d1'] };
const citizen = (citizenId: string, actingForCitizenId?: string): Actor => ({
  kind: 'citizen',
  citizenId,
  personnummer: '191212121212',
  loginMethod: 'eid',
  sessionId: 's',
  ...(actingForCitizenId ? { actingForCitizenId } : {}),
});
const staff = (hsaId: string, unitHsaId: string, roles: StaffRole[]): Actor => ({
  kind: 'staff',
  hsaId,
  unitHsaId,
  roles,
  sessionId: 's',
});

describe('who may read an errand', () => {
  it.each<[string, Actor, string | undefined]>([
    ['the citizen who sent it', citizen('c1'), 'citizen'],
    ['a guardian acting for that citizen', citizen('g1', 'c1'), 'citizen'],
    ['another citizen', citizen('c2'), undefined],
    ['a guardian acting for another child', citizen('c1', 'c3'), undefined],
    ['a receiver at the unit', staff('r1', 'U1', ['receiver']), 'receiver'],
    ['the assigned caregiver', staff('n1', 'U1', ['caregiver']), 'caregiver'],
    ['a caregiver who answered earlier', staff('d1', 'U1', ['caregiver']), 'caregiver'],
    ['a caregiver never assigned', staff('x1', 'U1', ['caregiver']), undefined],
    ['a unit administrator without the receiver role', staff('a1', 'U1', ['unit-administrator']), undefined],
    ['a receiver at another unit', staff('r2', 'U2', ['receiver']), undefined],
    ['the assigned caregiver logged in at another unit', staff('n1', 'U2', ['caregiver', 'receiver']), undefined],
    ['the assigned person without the caregiver role there', staff('n1', 'U1', ['unit-administrator']), undefined],
  ])('%s', (_name, actor, expected) => {
    expect(errandAccess(actor, errand)?.as).toBe(expected);
  });

  it('records that a guardian acts on behalf of the child', () => {
    expect(errandAccess(citizen('g1', 'c1'), errand)).toEqual({ as: 'citizen', citizenId: 'c1', onBehalfOf: 'g1' });
  });

  it('only receivers of the unit may list its inbox', () => {
    expect(mayListUnitInbox(staff('r1', 'U1', ['receiver']), 'U1')).toBe(true);
    expect(mayListUnitInbox(staff('r1', 'U1', ['receiver']), 'U2')).toBe(false);
    expect(mayListUnitInbox(staff('n1', 'U1', ['caregiver']), 'U1')).toBe(false);
    expect(mayListUnitInbox(staff('a1', 'U1', ['unit-administrator']), 'U1')).toBe(false);
    expect(mayListUnitInbox(citizen('c1'), 'U1')).toBe(false);
  });
});
