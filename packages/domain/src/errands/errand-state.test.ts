import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  type ErrandActorRef,
  type ErrandCommand,
  type ErrandState,
  errandStateProblems,
  initialErrandState,
} from './errand-state.ts';

const citizen: ErrandActorRef = { kind: 'citizen', citizenId: 'c1' };
const receiver: ErrandActorRef = { kind: 'staff', hsaId: 'r1', role: 'receiver' };
const nurse: ErrandActorRef = { kind: 'staff', hsaId: 'n1', role: 'caregiver' };
const doctor: ErrandActorRef = { kind: 'staff', hsaId: 'd1', role: 'caregiver' };
const admin: ErrandActorRef = { kind: 'staff', hsaId: 'a1', role: 'unit-administrator' };

function run(steps: Array<[ErrandCommand, ErrandActorRef]>): ErrandState {
  let state = initialErrandState();
  for (const [command, actor] of steps) {
    const decision = decide(state, command, actor, 0);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.reason}`);
    state = decision.state;
  }
  return state;
}

describe('the errand state machine', () => {
  it('walks the whole flow: opened, assigned, answered, read, replied, answered, closed', () => {
    const steps: Array<[ErrandCommand, ErrandActorRef]> = [
      [{ type: 'open' }, receiver],
      [{ type: 'assign', caregiver: 'n1' }, receiver],
      [{ type: 'answer', replyAllowed: true }, nurse],
      [{ type: 'read-by-citizen' }, citizen],
      [{ type: 'citizen-reply' }, citizen],
      [{ type: 'answer', replyAllowed: false }, nurse],
      [{ type: 'close', message: false }, nurse],
    ];
    const state = run(steps);
    expect(state).toMatchObject({ status: 'closed', assignedTo: null, archivedByCitizen: true, answeredBy: ['n1'] });
  });

  it('records opening only the first time the unit reads', () => {
    const first = decide(initialErrandState(), { type: 'open' }, receiver, 1);
    expect(first.ok && first.events.map((e) => e.type)).toEqual(['opened']);
    const again = first.ok ? decide(first.state, { type: 'open' }, receiver, 2) : first;
    expect(again.ok && again.events).toEqual([]);
  });

  it('assigning an unopened errand opens it too', () => {
    const decision = decide(initialErrandState(), { type: 'assign', caregiver: 'n1' }, receiver, 5);
    expect(decision.ok && decision.events.map((e) => [e.type, e.assignee])).toEqual([
      ['opened', undefined],
      ['assigned', 'n1'],
    ]);
  });

  it('a receiver can take an errand back and give it to another caregiver', () => {
    const assigned = run([[{ type: 'assign', caregiver: 'n1' }, receiver]]);
    const back = decide(assigned, { type: 'take-back' }, receiver, 1);
    expect(back.ok && back.state).toMatchObject({ status: 'open', assignedTo: null });
    const reassigned = decide(assigned, { type: 'assign', caregiver: 'd1' }, receiver, 1);
    expect(reassigned.ok && reassigned.events.map((e) => e.type)).toEqual(['reassigned']);
    expect(reassigned.ok && reassigned.state.assignedTo).toBe('d1');
  });

  it.each<[string, Array<[ErrandCommand, ErrandActorRef]>, ErrandCommand, ErrandActorRef, string]>([
    ['a caregiver assigns', [], { type: 'assign', caregiver: 'n1' }, nurse, 'wrong-role'],
    ['an administrator assigns', [], { type: 'assign', caregiver: 'n1' }, admin, 'wrong-role'],
    [
      'assigning to the same caregiver again',
      [[{ type: 'assign', caregiver: 'n1' }, receiver]],
      { type: 'assign', caregiver: 'n1' },
      receiver,
      'already-assigned-to-them',
    ],
    [
      'answering an unassigned errand',
      [],
      { type: 'answer', replyAllowed: false },
      nurse,
      'not-the-assigned-caregiver',
    ],
    [
      'another caregiver answers',
      [[{ type: 'assign', caregiver: 'n1' }, receiver]],
      { type: 'answer', replyAllowed: false },
      doctor,
      'not-the-assigned-caregiver',
    ],
    [
      'a receiver answers',
      [[{ type: 'assign', caregiver: 'n1' }, receiver]],
      { type: 'answer', replyAllowed: false },
      receiver,
      'wrong-role',
    ],
    ['taking back an unassigned errand', [], { type: 'take-back' }, receiver, 'not-assigned'],
    ['replying before an answer', [], { type: 'citizen-reply' }, citizen, 'reply-not-allowed'],
    [
      'replying when the answer forbids it',
      [
        [{ type: 'assign', caregiver: 'n1' }, receiver],
        [{ type: 'answer', replyAllowed: false }, nurse],
      ],
      { type: 'citizen-reply' },
      citizen,
      'reply-not-allowed',
    ],
    [
      'answering a closed errand',
      [[{ type: 'close', message: true }, receiver]],
      { type: 'answer', replyAllowed: false },
      nurse,
      'closed',
    ],
    [
      'assigning a closed errand',
      [[{ type: 'close', message: true }, receiver]],
      { type: 'assign', caregiver: 'n1' },
      receiver,
      'closed',
    ],
    [
      'closing twice',
      [[{ type: 'close', message: true }, receiver]],
      { type: 'close', message: true },
      receiver,
      'closed',
    ],
    ['a citizen closes', [], { type: 'close', message: true }, citizen, 'wrong-role'],
    [
      'closing an unanswered errand without a message',
      [],
      { type: 'close', message: false },
      receiver,
      'message-required',
    ],
    [
      'the assigned caregiver closes an unanswered errand without a message',
      [[{ type: 'assign', caregiver: 'n1' }, receiver]],
      { type: 'close', message: false },
      nurse,
      'message-required',
    ],
    ['reopening an errand that is not closed', [], { type: 'reopen' }, receiver, 'not-closed'],
    [
      'reopening an answered errand that is not closed',
      [
        [{ type: 'assign', caregiver: 'n1' }, receiver],
        [{ type: 'answer', replyAllowed: false }, nurse],
      ],
      { type: 'reopen' },
      receiver,
      'not-closed',
    ],
    ['a caregiver reopens', [[{ type: 'close', message: true }, receiver]], { type: 'reopen' }, nurse, 'wrong-role'],
    [
      'an administrator reopens',
      [[{ type: 'close', message: true }, receiver]],
      { type: 'reopen' },
      admin,
      'wrong-role',
    ],
    ['a citizen reopens', [[{ type: 'close', message: true }, receiver]], { type: 'reopen' }, citizen, 'wrong-role'],
    ['staff archive for the citizen', [], { type: 'archive' }, receiver, 'wrong-role'],
    ['archiving twice', [[{ type: 'archive' }, citizen]], { type: 'archive' }, citizen, 'already-archived'],
    ['un-archiving what is not archived', [], { type: 'unarchive' }, citizen, 'not-archived'],
    ['reading when nothing is new', [], { type: 'read-by-citizen' }, citizen, 'nothing-to-read'],
  ])('refuses when %s', (_name, before, command, actor, reason) => {
    const decision = decide(run(before), command, actor, 0);
    expect(decision).toEqual({ ok: false, reason });
  });

  it('an answer marks the errand unread for the citizen and brings it back from the archive', () => {
    const state = run([
      [{ type: 'archive' }, citizen],
      [{ type: 'assign', caregiver: 'n1' }, receiver],
      [{ type: 'answer', replyAllowed: true }, nurse],
    ]);
    expect(state).toMatchObject({ unreadByCitizen: true, archivedByCitizen: false, replyAllowed: true });
  });

  it('closing an unanswered errand with a message leaves it unread for the citizen', () => {
    const state = run([[{ type: 'close', message: true }, receiver]]);
    expect(state).toMatchObject({ status: 'closed', unreadByCitizen: true, archivedByCitizen: true });
  });

  it('closing an answered errand needs no message', () => {
    const decision = decide(
      run([
        [{ type: 'assign', caregiver: 'n1' }, receiver],
        [{ type: 'answer', replyAllowed: true }, nurse],
      ]),
      { type: 'close', message: false },
      receiver,
      3,
    );
    expect(decision.ok && decision.state).toMatchObject({ status: 'closed', replyAllowed: false });
  });

  it('a receiver reopens a closed errand: back in the unit inbox, unassigned, out of the citizen archive', () => {
    const closed = run([
      [{ type: 'assign', caregiver: 'n1' }, receiver],
      [{ type: 'answer', replyAllowed: true }, nurse],
      [{ type: 'close', message: false }, nurse],
    ]);
    const decision = decide(closed, { type: 'reopen' }, receiver, 7);
    expect(decision.ok && decision.events).toEqual([{ type: 'reopened', actor: receiver, at: 7 }]);
    expect(decision.ok && decision.state).toMatchObject({
      status: 'open',
      assignedTo: null,
      replyAllowed: false,
      archivedByCitizen: false,
      answeredBy: ['n1'],
    });
  });

  it("a citizen's reply is marked for the unit until the caregiver answers it, with a message only", () => {
    const replied = run([
      [{ type: 'assign', caregiver: 'n1' }, receiver],
      [{ type: 'answer', replyAllowed: true }, nurse],
      [{ type: 'citizen-reply' }, citizen],
    ]);
    expect(replied).toMatchObject({ status: 'assigned', assignedTo: 'n1', replyFromCitizen: true });
    const answered = decide(replied, { type: 'answer', replyAllowed: false, messageOnly: true }, nurse, 4);
    expect(answered.ok && answered.state).toMatchObject({ status: 'answered', replyFromCitizen: false });
    expect(answered.ok && answered.events.map((e) => e.type)).toEqual(['answered']);
  });

  it('a message-only answer needs an earlier structured answer', () => {
    const assigned = run([[{ type: 'assign', caregiver: 'n1' }, receiver]]);
    expect(decide(assigned, { type: 'answer', replyAllowed: false, messageOnly: true }, nurse, 2)).toEqual({
      ok: false,
      reason: 'structured-answer-required',
    });
  });

  it('closing clears the reply mark', () => {
    const closed = run([
      [{ type: 'assign', caregiver: 'n1' }, receiver],
      [{ type: 'answer', replyAllowed: true }, nurse],
      [{ type: 'citizen-reply' }, citizen],
      [{ type: 'close', message: true }, receiver],
    ]);
    expect(closed.replyFromCitizen).toBe(false);
  });

  it('property: no sequence of commands reaches an illegal state, and refusals change nothing', () => {
    const actors = fc.constantFrom(citizen, receiver, nurse, doctor, admin);
    const commands = fc.oneof(
      fc.constant<ErrandCommand>({ type: 'open' }),
      fc.constantFrom('n1', 'd1').map<ErrandCommand>((caregiver) => ({ type: 'assign', caregiver })),
      fc.constant<ErrandCommand>({ type: 'take-back' }),
      fc
        .tuple(fc.boolean(), fc.boolean())
        .map<ErrandCommand>(([replyAllowed, messageOnly]) => ({ type: 'answer', replyAllowed, messageOnly })),
      fc.constant<ErrandCommand>({ type: 'citizen-reply' }),
      fc.constant<ErrandCommand>({ type: 'read-by-citizen' }),
      fc.boolean().map<ErrandCommand>((message) => ({ type: 'close', message })),
      fc.constant<ErrandCommand>({ type: 'reopen' }),
      fc.constant<ErrandCommand>({ type: 'archive' }),
      fc.constant<ErrandCommand>({ type: 'unarchive' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(commands, actors), { maxLength: 40 }), (steps) => {
        let state = initialErrandState();
        for (const [command, actor] of steps) {
          const before = state;
          const decision = decide(state, command, actor, 0);
          if (!decision.ok) continue;
          for (const event of decision.events) expect(event.actor).toBe(actor);
          state = decision.state;
          expect(errandStateProblems(state)).toEqual([]);
          // Closed stays closed for the unit's side (only the citizen's own folder and read marks
          // move) until a receiver reopens it.
          if (before.status === 'closed' && command.type !== 'reopen') expect(state.status).toBe('closed');
          // Nobody answered and nothing was said: the errand cannot have been closed.
          if (command.type === 'close' && !command.message) expect(before.answeredBy.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
