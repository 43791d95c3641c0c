import type { FieldError } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import {
  type Actor,
  type AnswerError,
  citizenActedFor,
  type Decision,
  decide,
  type ErrandAccess,
  type ErrandActorRef,
  type ErrandCommand,
  type ErrandEventType,
  type ErrandState,
  errandAccess,
  errandExpiresAt,
  renderAnswerMessage,
  restartsRetention,
  STAFF_ROLES,
  type StaffActor,
  type StaffRole,
} from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { sealText } from '../../encryption/envelope.ts';
import { serverTexts } from '../../i18n/server-texts.ts';
import {
  type ErrandMessageRow,
  type ErrandRow,
  findErrand,
  insertErrandEvents,
  insertErrandMessage,
  nextPositions,
  updateErrandForEvents,
} from '../../storage/repositories/errand.repository.ts';
import { findTombstone } from '../../storage/repositories/retention.repository.ts';
import { newRowId } from '../../storage/row-id.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { recentListViewsOf } from '../access-log/recent-list-views.ts';
import { type AccessAction, recordAccess } from '../access-log/record-access.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { openErrandKey, rewrapErrandKeyFor } from './errand-keys.ts';

// What every errand use case shares: finding an errand the actor may see, its data key, and
// turning a state-machine decision into rows.

export function stateOf(row: ErrandRow): ErrandState {
  return {
    status: row.status,
    assignedTo: row.assigned_to,
    answeredBy: JSON.parse(row.answered_by) as string[],
    replyAllowed: row.reply_allowed === 1,
    unreadByCitizen: row.unread_by_citizen === 1,
    archivedByCitizen: row.archived_by_citizen === 1,
    replyFromCitizen: row.citizen_reply_at !== null,
  };
}

/** The errand and how the actor may see it; 404 when they may not (existence stays hidden). */
export async function findVisibleErrand(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  errandId: string,
): Promise<{ row: ErrandRow; access: ErrandAccess }> {
  const row = await findErrand(db, errandId);
  if (!row) await refuseIfDeleted(ctx, db, errandId);
  const access = row ? errandAccess(ctx.actor, accessFacts(row)) : undefined;
  if (!row || !access) throw new AppError('not-found');
  return { row, access };
}

/**
 * A link to an errand retention deleted says so (410) to those who could have seen it: the citizen
 * and the unit's staff. Anyone else learns nothing: 404, as for an errand that never existed.
 */
async function refuseIfDeleted(ctx: UseCaseContext, db: Kysely<DatabaseSchema>, errandId: string): Promise<void> {
  const tombstone = await findTombstone(db, errandId);
  if (!tombstone) return;
  const theirs =
    ctx.actor.kind === 'citizen'
      ? citizenActedFor(ctx.actor) === tombstone.citizen_id
      : ctx.actor.unitHsaId === tombstone.unit_hsa_id &&
        (ctx.actor.roles.includes('receiver') || ctx.actor.roles.includes('caregiver'));
  if (theirs) throw new AppError('errand-deleted', 'deleted-by-retention');
}

export function accessFacts(row: ErrandRow) {
  return {
    citizenId: row.citizen_id,
    unitHsaId: row.unit_hsa_id,
    assignedTo: row.assigned_to,
    answeredBy: JSON.parse(row.answered_by) as string[],
  };
}

export function dataKeyOf(ctx: UseCaseContext, row: ErrandRow): Buffer {
  return openErrandKey(ctx, row);
}

/** Seals a new message of the thread under the errand's own key and appends it. */
export async function appendMessage(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  message: Pick<ErrandMessageRow, 'kind' | 'author_kind' | 'author_id' | 'form_version_id'> & { answers: unknown },
): Promise<void> {
  const id = newRowId();
  const { answers, ...meta } = message;
  const positions = await nextPositions(db, row.id);
  await insertErrandMessage(db, {
    id,
    errand_id: row.id,
    position: positions.message,
    ...meta,
    content: sealText(dataKeyOf(ctx, row), JSON.stringify({ answers }), `${row.id}:${id}`),
    created_at: ctx.now,
  });
}

/** Answer-validation errors as field errors in the caller's language, under `answers.`. */
export function answerFieldErrors(errors: AnswerError[], language: Language): FieldError[] {
  const text = serverTexts(language);
  return errors.map((e) => ({
    path: e.path ? `answers.${e.path}` : 'answers',
    code: e.code,
    message: renderAnswerMessage(e.message, language, text),
  }));
}

/** Writes one staff access to the errand into the unit's access-log chain. */
export async function logStaffAccess(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  staff: { hsaId: string; role: string },
  action: AccessAction,
): Promise<void> {
  await recordAccess(
    db,
    ctx.database.dialect,
    [
      {
        unitHsaId: row.unit_hsa_id,
        errandId: row.id,
        citizenId: row.citizen_id,
        staffHsaId: staff.hsaId,
        role: staff.role,
        action,
      },
    ],
    ctx.now,
  );
}

/**
 * Staff lists show whom each errand is from (name, personnummer), so a page served is an access
 * too: a `list` entry per errand shown, in one transaction, in each unit's chain — once per staff
 * member and errand within LIST_VIEW_WINDOW_MS (recent-list-views.ts says why).
 */
export async function logStaffListView(
  ctx: UseCaseContext<StaffActor>,
  rows: readonly Pick<ErrandRow, 'id' | 'unit_hsa_id' | 'citizen_id'>[],
  role: StaffRole,
): Promise<void> {
  const recent = recentListViewsOf(ctx.database);
  const entries = recent.unlogged(
    rows.map((row) => ({
      unitHsaId: row.unit_hsa_id,
      errandId: row.id,
      citizenId: row.citizen_id,
      staffHsaId: ctx.actor.hsaId,
      role,
      action: 'list' as const,
    })),
    ctx.now,
  );
  if (entries.length === 0) return;
  await ctx.database.sharedCommit((trx) => recordAccess(trx, ctx.database.dialect, entries, ctx.now));
  recent.remember(entries, ctx.now);
}

/** How the actor appears in the history for a command; staff act in the role the command needs. */
export function actorRef(actor: Actor, role?: StaffRole): ErrandActorRef {
  if (actor.kind === 'citizen') {
    return actor.actingForCitizenId
      ? { kind: 'citizen', citizenId: actor.actingForCitizenId, onBehalfOf: actor.citizenId }
      : { kind: 'citizen', citizenId: actor.citizenId };
  }
  // Only unit roles act on errands (a region or installation session has none; it never reaches an errand).
  const unitRoles = actor.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
  const chosen = role && unitRoles.includes(role) ? role : (unitRoles[0] ?? 'caregiver');
  return { kind: 'staff', hsaId: actor.hsaId, role: chosen };
}

/** Decides, or answers 409 (403 for a wrong role) with the state machine's reason. */
export function decideOrConflict(row: ErrandRow, command: ErrandCommand, actor: ErrandActorRef, now: number) {
  const decision: Decision = decide(stateOf(row), command, actor, now);
  // Acting in a role one does not have is a permission problem, not a state problem.
  if (!decision.ok) throw new AppError(decision.reason === 'wrong-role' ? 'forbidden' : 'conflict', decision.reason);
  return decision;
}

/**
 * Counts errand events in the operator's metrics. Call it once the transaction that wrote them
 * has committed, so that a rolled-back change is not counted.
 */
export function countErrandEvents(
  ctx: UseCaseContext,
  errandType: string,
  events: ReadonlyArray<{ type: ErrandEventType }>,
): void {
  for (const { type } of events) ctx.telemetry?.errandEvent({ event: type, errandType });
}

/**
 * Writes the decision's events and new state in the caller's transaction. A concurrent change to
 * the same errand makes this fail with 409 rather than overwrite it.
 */
export async function applyDecision(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  decision: Extract<Decision, { ok: true }>,
  extra: Partial<Pick<ErrandRow, 'has_answer' | 'first_answered_at' | 'waiting_since'>> | undefined = {},
): Promise<void> {
  if (decision.events.length === 0) return;
  const { now } = ctx;
  const { state } = decision;
  // A new event in the errand's life restarts its retention; the key moves to the new month's.
  const expiresAt = decision.events.some((event) => restartsRetention(event.type))
    ? errandExpiresAt(now, ctx.config.retention)
    : undefined;
  const rekeyed = expiresAt === undefined ? undefined : rewrapErrandKeyFor(ctx, row, expiresAt);
  const firstEvent = await updateErrandForEvents(db, row.id, row.version, {
    status: state.status,
    assigned_to: state.assignedTo,
    answered_by: JSON.stringify(state.answeredBy),
    reply_allowed: state.replyAllowed ? 1 : 0,
    unread_by_citizen: state.unreadByCitizen ? 1 : 0,
    archived_by_citizen: state.archivedByCitizen ? 1 : 0,
    // The first unanswered reply's time stays, so lists can say how long the reply has waited.
    citizen_reply_at: state.replyFromCitizen ? (row.citizen_reply_at ?? now) : null,
    last_event_at: now,
    ...(expiresAt === undefined ? {} : { expires_at: expiresAt }),
    ...rekeyed,
    ...extra,
  });
  if (firstEvent === undefined) throw new AppError('conflict', 'changed-meanwhile');
  await insertErrandEvents(
    db,
    decision.events.map((event, index) => ({
      id: newRowId(),
      errand_id: row.id,
      position: firstEvent + index,
      type: event.type,
      actor_kind: event.actor.kind,
      actor_id: event.actor.kind === 'citizen' ? event.actor.citizenId : event.actor.hsaId,
      actor_role: event.actor.kind === 'staff' ? event.actor.role : null,
      on_behalf_of: event.actor.kind === 'citizen' ? (event.actor.onBehalfOf ?? null) : null,
      assignee: event.assignee ?? null,
      at: event.at,
    })),
  );
}
