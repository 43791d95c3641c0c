import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../actors/actor.ts';
import { allowedCommands, type StaffErrandCommand } from './errand-actions.ts';
import { ERRAND_STATUSES, type ErrandStatus } from './errand-state.ts';

const me = 'n1';
const allowed = (status: ErrandStatus, assignedTo: string | null, ...roles: string[]) =>
  [...allowedCommands({ status, assignedTo }, { hsaId: me, roles })].sort();

describe('which commands staff may give an errand', () => {
  it('lets a receiver assign an unassigned errand but not take it back', () => {
    expect(allowed('open', null, 'receiver')).toEqual(['assign', 'close']);
    expect(allowed('new', null, 'receiver')).toEqual(['assign', 'close']);
  });

  it('lets a receiver reassign, take back and close an assigned errand, but not answer it', () => {
    expect(allowed('assigned', 'd1', 'receiver')).toEqual(['assign', 'close', 'take-back']);
  });

  it('lets the caregiver who has the errand answer and close it, and nothing more', () => {
    expect(allowed('assigned', me, 'caregiver')).toEqual(['answer', 'close']);
    expect(allowed('answered', me, 'caregiver')).toEqual(['answer', 'close']);
  });

  it('gives another caregiver nothing to do', () => {
    expect(allowed('assigned', 'd1', 'caregiver')).toEqual([]);
    expect(allowed('answered', null, 'caregiver')).toEqual([]);
  });

  it('gives a unit administrator, or someone with no known role, nothing to do', () => {
    expect(allowed('assigned', me, 'unit-administrator')).toEqual([]);
    expect(allowed('open', null, 'auditor')).toEqual([]);
    expect(allowed('open', null)).toEqual([]);
  });

  it('adds up the roles of someone who is both receiver and caregiver', () => {
    expect(allowed('assigned', me, 'receiver', 'caregiver')).toEqual(['answer', 'assign', 'close', 'take-back']);
  });

  it('allows only reopening on a closed errand, and only to a receiver', () => {
    for (const roles of [['receiver'], ['receiver', 'caregiver']]) {
      expect(allowed('closed', null, ...roles)).toEqual(['reopen']);
    }
    for (const roles of [['caregiver'], ['unit-administrator'], []]) {
      expect(allowed('closed', null, ...roles)).toEqual([]);
      expect(allowed('closed', me, ...roles)).toEqual([]);
    }
  });

  // The staff errand page used to write these rules out by hand; asking the state machine must
  // give the same buttons in every situation (the page adds "only while it waits for an answer"
  // to the answer form, which the state machine does not require).
  it('agrees with the rules the staff errand page used to spell out, in every situation', () => {
    const roleSets: StaffRole[][] = [[]];
    for (const role of STAFF_ROLES) for (const set of [...roleSets]) roleSets.push([...set, role]);
    for (const status of ERRAND_STATUSES) {
      for (const assignedTo of [null, me, 'd1']) {
        for (const roles of roleSets) {
          const isReceiver = roles.includes('receiver');
          const isCaregiver = roles.includes('caregiver');
          const closed = status === 'closed';
          const before: Record<StaffErrandCommand, boolean> = {
            assign: isReceiver && !closed,
            'take-back': isReceiver && !closed && Boolean(assignedTo),
            close: !closed && (isReceiver || (isCaregiver && assignedTo === me)),
            answer: isCaregiver && assignedTo === me && status === 'assigned',
            reopen: isReceiver && closed,
          };
          const now = allowedCommands({ status, assignedTo }, { hsaId: me, roles });
          const shown: Record<StaffErrandCommand, boolean> = {
            assign: now.has('assign'),
            'take-back': now.has('take-back'),
            close: now.has('close'),
            answer: now.has('answer') && status === 'assigned',
            reopen: now.has('reopen'),
          };
          expect(shown, `${status}, assigned to ${assignedTo}, roles ${roles.join('+')}`).toEqual(before);
        }
      }
    }
  });
});
