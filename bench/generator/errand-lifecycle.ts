import { randomUUID } from 'node:crypto';
import {
  decide,
  type ErrandActorRef,
  type ErrandCommand,
  type ErrandEvent,
  type ErrandState,
  type FormDefinition,
  initialErrandState,
  sentEvent,
} from '@kontakta/domain';
import type { Insertable } from 'kysely';
import { type KeyRing, newDataKey, sealText } from '../../packages/server/src/encryption/envelope.ts';
import type { Random } from '../../packages/server/src/registers/demo/seeded-random.ts';
import type { ErrandEventTable, ErrandMessageTable, ErrandTable } from '../../packages/server/src/storage/schema.ts';
import type { AccessAction } from '../../packages/server/src/use-cases/access-log/record-access.ts';
import { fillAnswers } from './answer-filler.ts';
import { exponential } from './seeded-mix.ts';
import { citizenText } from './text-banks.ts';

// One errand's life from the citizen's sending to archive, driven through the domain's state
// machine so that every status, event and flag is one the real use cases could have produced.
// Times follow a realistic rhythm (opened within hours, answered within a day or two, closed days
// later); whatever would happen after `now` has not happened yet, so recent errands are still open.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ErrandForms = Readonly<{
  versionId: string;
  definition: FormDefinition;
  answerDefinition: FormDefinition;
  citizenMayReply: boolean;
}>;

export type StaffPick = Readonly<{ receivers: readonly string[]; caregivers: readonly string[] }>;

export type AccessEntry = {
  at: number;
  unitHsaId: string;
  errandId: string;
  citizenId: string;
  staffHsaId: string;
  role: string;
  action: AccessAction;
};

export type GeneratedErrand = {
  errand: Insertable<ErrandTable>;
  messages: Insertable<ErrandMessageTable>[];
  events: Insertable<ErrandEventTable>[];
  access: AccessEntry[];
};

export type LifecycleInput = Readonly<{
  citizenId: string;
  unitHsaId: string;
  errandType: string;
  forms: ErrandForms;
  staff: StaffPick;
  createdAt: number;
  now: number;
  keys: KeyRing;
  random: Random;
  /** `YYYY-MM-DD` in Sweden for an instant (cached by the caller: it is asked for often). */
  dateOf: (at: number) => string;
}>;

export function generateErrand(input: LifecycleInput): GeneratedErrand {
  const { random, now, forms, staff } = input;
  const id = randomUUID();
  const key = newDataKey(input.keys);
  const citizen: ErrandActorRef = { kind: 'citizen', citizenId: input.citizenId };
  const messages: Insertable<ErrandMessageTable>[] = [];
  const events: ErrandEvent[] = [sentEvent(citizen, input.createdAt)];
  const access: AccessEntry[] = [];
  let state: ErrandState = initialErrandState();
  let t = input.createdAt;
  let firstAnsweredAt: number | null = null;
  let waitingSince: number | null = input.createdAt;
  let hasAnswer = false;

  const seal = (
    kind: 'submission' | 'answer' | 'citizen-reply',
    authorKind: 'citizen' | 'staff',
    authorId: string,
    answers: unknown,
    at: number,
  ) => {
    const messageId = randomUUID();
    messages.push({
      id: messageId,
      errand_id: id,
      position: messages.length + 1,
      kind,
      author_kind: authorKind,
      author_id: authorId,
      form_version_id: kind === 'citizen-reply' ? null : forms.versionId,
      content: sealText(key.key, JSON.stringify({ answers }), `${id}:${messageId}`),
      created_at: at,
    });
  };
  const apply = (command: ErrandCommand, actor: ErrandActorRef, at: number): boolean => {
    const decision = decide(state, command, actor, at);
    if (!decision.ok) return false;
    state = decision.state;
    events.push(...decision.events);
    return true;
  };
  const log = (staffHsaId: string, role: string, action: AccessAction, at: number) => {
    access.push({ at, unitHsaId: input.unitHsaId, errandId: id, citizenId: input.citizenId, staffHsaId, role, action });
  };
  /** Moves time on; false when the next step would lie in the future. */
  const after = (mean: number, least = MINUTE): boolean => {
    t = Math.round(t + least + exponential(random, mean));
    return t <= now;
  };

  const submission = fillAnswers(forms.definition, random, { today: input.dateOf(t), writer: 'citizen' });
  seal('submission', 'citizen', input.citizenId, submission, t);
  const itemsFrom = submittedItems(submission);

  const receiver = random.pick(staff.receivers);
  const receiverRef: ErrandActorRef = { kind: 'staff', hsaId: receiver, role: 'receiver' };
  const live = (): void => {
    // The receiver opens the errand within hours and may come back to it.
    if (!after(5 * HOUR, 5 * MINUTE)) return;
    apply({ type: 'open' }, receiverRef, t);
    log(receiver, 'receiver', 'read', t);
    if (!after(20 * MINUTE)) return;
    let caregiver = random.pick(staff.caregivers);
    apply({ type: 'assign', caregiver }, receiverRef, t);
    log(receiver, 'receiver', 'assign', t);
    for (let n = random.below(4); n > 0; n--) {
      const at = Math.min(now, Math.round(t + exponential(random, 2 * DAY)));
      log(random.pick(staff.receivers), 'receiver', 'read', at);
    }

    // Now and then the first caregiver is away and the receiver gives the errand to another.
    if (random.next() < 0.04 && staff.caregivers.length > 1) {
      if (!after(DAY)) return;
      const other = staff.caregivers.find((c) => c !== caregiver) ?? caregiver;
      apply({ type: 'assign', caregiver: other }, receiverRef, t);
      log(receiver, 'receiver', 'reassign', t);
      caregiver = other;
    }
    const caregiverRef: ErrandActorRef = { kind: 'staff', hsaId: caregiver, role: 'caregiver' };
    if (!after(18 * HOUR)) return;
    for (let n = 2 + random.below(4); n > 0; n--) {
      if (t > now) return;
      log(caregiver, 'caregiver', 'read', t);
      t = Math.round(t + exponential(random, 30 * MINUTE));
    }
    if (!after(40 * MINUTE)) return;

    let replyAllowed = forms.citizenMayReply && random.next() < 0.3;
    const answer = (at: number) => {
      const answers = fillAnswers(forms.answerDefinition, random, {
        today: input.dateOf(at),
        writer: 'staff',
        citizenMayReply: replyAllowed,
        itemsFrom,
      });
      apply({ type: 'answer', replyAllowed }, caregiverRef, at);
      seal('answer', 'staff', caregiver, answers, at);
      log(caregiver, 'caregiver', 'answer', at);
      firstAnsweredAt ??= at;
      hasAnswer = true;
      waitingSince = null;
    };
    answer(t);

    if (random.next() > 0.92 || !after(20 * HOUR)) return;
    apply({ type: 'read-by-citizen' }, citizen, t);
    if (replyAllowed && random.next() < 0.45) {
      if (!after(3 * HOUR)) return;
      apply({ type: 'citizen-reply' }, citizen, t);
      seal('citizen-reply', 'citizen', input.citizenId, { message: citizenText(random, 1 + random.below(3)) }, t);
      waitingSince = t;
      if (!after(20 * HOUR)) return;
      log(caregiver, 'caregiver', 'read', t);
      if (!after(30 * MINUTE)) return;
      replyAllowed = false;
      answer(t);
      if (random.next() > 0.85 || !after(20 * HOUR)) return;
      apply({ type: 'read-by-citizen' }, citizen, t);
    }

    // Most errands are closed by the caregiver after a few days; some the citizen archives.
    const r = random.next();
    if (r < 0.75) {
      if (!after(3 * DAY)) return;
      apply({ type: 'close', message: false }, caregiverRef, t);
      log(caregiver, 'caregiver', 'close', t);
      waitingSince = null;
    } else if (r < 0.9) {
      if (!after(5 * DAY)) return;
      apply({ type: 'archive' }, citizen, t);
    }
  };
  live();

  const lastEventAt = events.reduce((latest, e) => Math.max(latest, e.at), input.createdAt);
  return {
    errand: {
      id,
      citizen_id: input.citizenId,
      sent_by_citizen_id: input.citizenId,
      unit_hsa_id: input.unitHsaId,
      errand_type: input.errandType,
      form_version_id: forms.versionId,
      status: state.status,
      assigned_to: state.assignedTo,
      answered_by: JSON.stringify(state.answeredBy),
      reply_allowed: state.replyAllowed ? 1 : 0,
      unread_by_citizen: state.unreadByCitizen ? 1 : 0,
      archived_by_citizen: state.archivedByCitizen ? 1 : 0,
      has_answer: hasAnswer ? 1 : 0,
      wrapped_key: key.wrapped,
      key_id: key.keyId,
      created_at: input.createdAt,
      first_answered_at: firstAnsweredAt,
      waiting_since: state.status === 'closed' ? null : waitingSince,
      last_event_at: lastEventAt,
      version: events.length,
    },
    messages,
    events: events.map((event, index) => ({
      id: randomUUID(),
      errand_id: id,
      position: index + 1,
      type: event.type,
      actor_kind: event.actor.kind,
      actor_id: event.actor.kind === 'citizen' ? event.actor.citizenId : event.actor.hsaId,
      actor_role: event.actor.kind === 'staff' ? event.actor.role : null,
      on_behalf_of: event.actor.kind === 'citizen' ? (event.actor.onBehalfOf ?? null) : null,
      assignee: event.assignee ?? null,
      at: event.at,
    })),
    access,
  };
}

/** What the caregiver answers item by item: each medicine or aid the citizen listed. */
function submittedItems(submission: Record<string, unknown>): Record<string, string[]> {
  const items: Record<string, string[]> = {};
  const medicines = submission.medicines;
  if (Array.isArray(medicines)) {
    items.medicines = medicines.map((m: { name?: string; strength?: string }) =>
      [m.name, m.strength].filter(Boolean).join(' '),
    );
  }
  const aids = submission.aids;
  if (Array.isArray(aids)) {
    items.aids = aids.map((a: { productName?: string; size?: string }) =>
      [a.productName, a.size].filter(Boolean).join(' '),
    );
  }
  return items;
}
