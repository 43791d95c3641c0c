import type { StaffRole } from '../actors/actor.ts';

/**
 * The errand's life as a pure state machine. A command either yields the events it causes and
 * the state after them, or a refusal with a reason (shown to the user as a 409). Nothing here
 * reads a clock or a database: the caller passes the time and the current state.
 */

export const ERRAND_STATUSES = ['new', 'open', 'assigned', 'answered', 'closed'] as const;
export type ErrandStatus = (typeof ERRAND_STATUSES)[number];

export type ErrandState = Readonly<{
  status: ErrandStatus;
  /** HSA-id of the caregiver who has the errand now. */
  assignedTo: string | null;
  /** Caregivers who have written an answer; they keep access to what they wrote. */
  answeredBy: readonly string[];
  /** Whether the latest answer lets the citizen reply (and the unit allows replies). */
  replyAllowed: boolean;
  /** Something from the unit the citizen has not read yet. */
  unreadByCitizen: boolean;
  archivedByCitizen: boolean;
  /** The citizen has replied and the unit has not answered the reply yet (marked in staff lists). */
  replyFromCitizen: boolean;
}>;

export const ERRAND_EVENT_TYPES = [
  'sent',
  'opened',
  'assigned',
  'reassigned',
  'taken-back',
  'answered',
  'citizen-replied',
  'read-by-citizen',
  'closed',
  'reopened',
  'archived',
  'unarchived',
  /** Sent while its unit was closed, so it went to the closure's cover unit (issue 18). */
  'moved-to-cover-unit',
] as const;
export type ErrandEventType = (typeof ERRAND_EVENT_TYPES)[number];

export type ErrandActorRef =
  | Readonly<{ kind: 'citizen'; citizenId: string; onBehalfOf?: string }>
  | Readonly<{ kind: 'staff'; hsaId: string; role: StaffRole }>;

export type ErrandEvent = Readonly<{
  type: ErrandEventType;
  actor: ErrandActorRef;
  at: number;
  /** For assignments: the caregiver who got the errand. */
  assignee?: string;
}>;

export type ErrandCommand =
  | { type: 'open' }
  | { type: 'assign'; caregiver: string }
  | { type: 'take-back' }
  /**
   * `messageOnly`: a message without the structured answer form, e.g. to a citizen's reply; only
   * once the errand has had a structured answer.
   */
  | { type: 'answer'; replyAllowed: boolean; messageOnly?: boolean }
  | { type: 'citizen-reply' }
  | { type: 'read-by-citizen' }
  /** `message`: whether a message to the citizen comes with the close (the caller stores it). */
  | { type: 'close'; message: boolean }
  | { type: 'reopen' }
  | { type: 'archive' }
  | { type: 'unarchive' };

export const ERRAND_REFUSALS = [
  'closed',
  'not-assigned',
  'already-assigned-to-them',
  'not-the-assigned-caregiver',
  'wrong-role',
  'reply-not-allowed',
  'nothing-to-read',
  'already-archived',
  'not-archived',
  'message-required',
  'not-closed',
  'structured-answer-required',
] as const;
export type ErrandRefusal = (typeof ERRAND_REFUSALS)[number];

export type Decision = { ok: true; state: ErrandState; events: ErrandEvent[] } | { ok: false; reason: ErrandRefusal };

export function initialErrandState(): ErrandState {
  return {
    status: 'new',
    assignedTo: null,
    answeredBy: [],
    replyAllowed: false,
    unreadByCitizen: false,
    archivedByCitizen: false,
    replyFromCitizen: false,
  };
}

export function sentEvent(actor: ErrandActorRef, at: number): ErrandEvent {
  return { type: 'sent', actor, at };
}

const refuse = (reason: ErrandRefusal): Decision => ({ ok: false, reason });

/** Decides what a command does to an errand. Who may see the errand at all is errand-access.ts. */
export function decide(state: ErrandState, command: ErrandCommand, actor: ErrandActorRef, at: number): Decision {
  const event = (type: ErrandEventType, extra: { assignee?: string } = {}): ErrandEvent => ({
    type,
    actor,
    at,
    ...extra,
  });
  const ok = (next: Partial<ErrandState>, ...events: ErrandEvent[]): Decision => ({
    ok: true,
    state: { ...state, ...next },
    events,
  });
  const isStaff = actor.kind === 'staff';
  const isCitizen = actor.kind === 'citizen';

  switch (command.type) {
    case 'open':
      // Only the unit's first look is an event; later reads are in the access log, not the history.
      if (!isStaff) return refuse('wrong-role');
      return state.status === 'new' ? ok({ status: 'open' }, event('opened')) : ok({});
    case 'assign': {
      if (!isStaff || actor.role !== 'receiver') return refuse('wrong-role');
      if (state.status === 'closed') return refuse('closed');
      if (state.assignedTo === command.caregiver) return refuse('already-assigned-to-them');
      const type = state.assignedTo ? 'reassigned' : 'assigned';
      const events = state.status === 'new' ? [event('opened')] : [];
      const status = state.status === 'answered' ? 'answered' : 'assigned';
      return ok({ status, assignedTo: command.caregiver }, ...events, event(type, { assignee: command.caregiver }));
    }
    case 'take-back':
      if (!isStaff || actor.role !== 'receiver') return refuse('wrong-role');
      if (state.status === 'closed') return refuse('closed');
      if (!state.assignedTo) return refuse('not-assigned');
      return ok({ status: state.status === 'answered' ? 'answered' : 'open', assignedTo: null }, event('taken-back'));
    case 'answer':
      if (!isStaff || actor.role !== 'caregiver') return refuse('wrong-role');
      if (state.status === 'closed') return refuse('closed');
      if (state.assignedTo !== actor.hsaId) return refuse('not-the-assigned-caregiver');
      if (command.messageOnly && state.answeredBy.length === 0) return refuse('structured-answer-required');
      return ok(
        {
          status: 'answered',
          answeredBy: state.answeredBy.includes(actor.hsaId) ? state.answeredBy : [...state.answeredBy, actor.hsaId],
          replyAllowed: command.replyAllowed,
          unreadByCitizen: true,
          archivedByCitizen: false,
          replyFromCitizen: false,
        },
        event('answered'),
      );
    case 'citizen-reply':
      if (!isCitizen) return refuse('wrong-role');
      if (state.status === 'closed') return refuse('closed');
      if (state.status !== 'answered' || !state.replyAllowed) return refuse('reply-not-allowed');
      // The reply goes back to whoever answered, or to the inbox when nobody has the errand now.
      return ok(
        {
          status: state.assignedTo ? 'assigned' : 'open',
          replyAllowed: false,
          archivedByCitizen: false,
          replyFromCitizen: true,
        },
        event('citizen-replied'),
      );
    case 'read-by-citizen':
      if (!isCitizen) return refuse('wrong-role');
      if (!state.unreadByCitizen) return refuse('nothing-to-read');
      return ok({ unreadByCitizen: false }, event('read-by-citizen'));
    case 'close':
      if (!isStaff) return refuse('wrong-role');
      if (state.status === 'closed') return refuse('closed');
      if (actor.role === 'caregiver' && state.assignedTo !== actor.hsaId) return refuse('not-the-assigned-caregiver');
      if (actor.role === 'unit-administrator') return refuse('wrong-role');
      // The citizen must never find an errand closed without a word: one nobody has answered is
      // closed with a message to them (which the caller stores in the thread).
      if (closeNeedsMessage(state) && !command.message) return refuse('message-required');
      // A closed errand moves to the citizen's archive, and nobody holds it any longer.
      return ok(
        {
          status: 'closed',
          assignedTo: null,
          replyAllowed: false,
          archivedByCitizen: true,
          replyFromCitizen: false,
          ...(command.message ? { unreadByCitizen: true } : {}),
        },
        event('closed'),
      );
    case 'reopen':
      // The unit takes a closed errand up again. It goes back to the unit's inbox as `open`, held
      // by nobody, rather than to the status it had before closing: that status is not kept, the
      // caregiver who had it may be gone, and whoever reopens it routes it afresh. It leaves the
      // citizen's archive, since it is ongoing again.
      if (!isStaff || actor.role !== 'receiver') return refuse('wrong-role');
      if (state.status !== 'closed') return refuse('not-closed');
      return ok({ status: 'open', assignedTo: null, replyAllowed: false, archivedByCitizen: false }, event('reopened'));
    case 'archive':
      if (!isCitizen) return refuse('wrong-role');
      if (state.archivedByCitizen) return refuse('already-archived');
      return ok({ archivedByCitizen: true }, event('archived'));
    case 'unarchive':
      if (!isCitizen) return refuse('wrong-role');
      if (!state.archivedByCitizen) return refuse('not-archived');
      return ok({ archivedByCitizen: false }, event('unarchived'));
  }
}

/** Closing an errand nobody has answered needs a message to the citizen. */
export function closeNeedsMessage(state: Pick<ErrandState, 'answeredBy'>): boolean {
  return state.answeredBy.length === 0;
}

/** The rules every reachable state keeps; the property test drives random commands against them. */
export function errandStateProblems(state: ErrandState): string[] {
  const problems: string[] = [];
  if (state.status === 'assigned' && !state.assignedTo) problems.push('assigned without a caregiver');
  if (state.status === 'closed' && state.assignedTo) problems.push('closed but still assigned');
  if (state.status === 'closed' && state.replyAllowed) problems.push('closed but open for replies');
  if (state.status === 'answered' && state.answeredBy.length === 0) problems.push('answered by nobody');
  if (state.replyAllowed && state.status !== 'answered') problems.push('reply allowed while not answered');
  if ((state.status === 'new' || state.status === 'open') && state.assignedTo)
    problems.push('unassigned status with a caregiver');
  if (state.replyFromCitizen && (state.status === 'answered' || state.status === 'closed'))
    problems.push('a reply marked as waiting on an answered or closed errand');
  return problems;
}
