import { STAFF_ROLES } from '../actors/actor.ts';
import { decide, type ErrandCommand, type ErrandState, initialErrandState } from './errand-state.ts';

/** The commands staff give an errand, as the staff tool offers them. */
export const STAFF_ERRAND_COMMANDS = ['assign', 'take-back', 'answer', 'close', 'reopen'] as const;
export type StaffErrandCommand = (typeof STAFF_ERRAND_COMMANDS)[number];

/** What staff commands depend on; the rest of the state only matters to the citizen's commands. */
export type StaffErrandFacts = Pick<ErrandState, 'status' | 'assignedTo'>;

/** A staff member as the errand's page knows them: roles as the session lists them (unknown ones count for nothing). */
export type StaffErrandActor = Readonly<{ hsaId: string; roles: readonly string[] }>;

// An HSA id is never empty, so "assign to ''" asks whether the errand may go to some other caregiver.
const SOME_OTHER_CAREGIVER = '';

function commandFor(type: StaffErrandCommand): ErrandCommand {
  switch (type) {
    case 'assign':
      return { type, caregiver: SOME_OTHER_CAREGIVER };
    case 'answer':
      return { type, replyAllowed: false };
    case 'close':
      // The staff tool's close form always offers a message, so a message is never what stops it.
      return { type, message: true };
    case 'take-back':
    case 'reopen':
      return { type };
  }
}

/**
 * Which staff commands the state machine would accept from this actor now, so the staff tool
 * offers exactly those. A command is allowed when `decide` accepts it in any of the actor's
 * roles at the unit (the server acts in the role the command needs). Who may see the errand at
 * all is `errandAccess`; this assumes they can.
 */
export function allowedCommands(errand: StaffErrandFacts, actor: StaffErrandActor): Set<StaffErrandCommand> {
  const state: ErrandState = { ...initialErrandState(), status: errand.status, assignedTo: errand.assignedTo };
  const roles = STAFF_ROLES.filter((role) => actor.roles.includes(role));
  const allowed = new Set<StaffErrandCommand>();
  for (const type of STAFF_ERRAND_COMMANDS) {
    const command = commandFor(type);
    if (roles.some((role) => decide(state, command, { kind: 'staff', hsaId: actor.hsaId, role }, 0).ok)) {
      allowed.add(type);
    }
  }
  return allowed;
}
