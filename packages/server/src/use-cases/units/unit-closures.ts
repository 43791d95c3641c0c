import { randomUUID } from 'node:crypto';
import {
  CLOSURE_MESSAGE_MAX_LENGTH,
  type FieldError,
  type UnitClosure,
  type UnitClosureBody,
} from '@kontakta/contract';
import {
  type ClosureProblem,
  closureDateProblems,
  findBaseErrandType,
  type Language,
  type StaffActor,
} from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { type ServerMessageId, serverTexts } from '../../i18n/server-texts.ts';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import { findCareUnit, findCareUnits } from '../../storage/repositories/unit.repository.ts';
import {
  deleteUnitClosure,
  findUnitClosure,
  insertUnitClosure,
  type UnitClosureRow,
  updateUnitClosure,
} from '../../storage/repositories/unit-closure.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import { referenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator, changeUnit, recordUnitChange, validationFailed } from './unit-administration.ts';
import { type ClosureWithRow, closuresFrom } from './unit-closure-facts.ts';

// A unit's administrators schedule closures (issue 18, beyond 1177): the days, the errand types
// citizens may still send, a short note, and a cover unit of the same region that takes the
// errands sent meanwhile. A closure can be changed until it has ended.

async function present(db: Kysely<DatabaseSchema>, rows: readonly UnitClosureRow[]): Promise<UnitClosure[]> {
  const covers = rows.flatMap((row) => (row.cover_unit_hsa_id ? [row.cover_unit_hsa_id] : []));
  const names = new Map((await findCareUnits(db, [...new Set(covers)])).map((unit) => [unit.hsa_id, unit.name]));
  return rows.map((row) => ({
    id: row.id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    keepsOpen: JSON.parse(row.keeps_open) as string[],
    message: row.message_sv ? { sv: row.message_sv, en: row.message_en } : null,
    coverUnit: row.cover_unit_hsa_id
      ? { hsaId: row.cover_unit_hsa_id, name: names.get(row.cover_unit_hsa_id) ?? row.cover_unit_hsa_id }
      : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }));
}

export async function listClosures(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
): Promise<{ items: UnitClosure[] }> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  return {
    items: await present(
      db,
      (await closuresFrom(referenceReads(db), unitHsaId, ctx.now)).closures.map((c) => c.row),
    ),
  };
}

/** The closure's fields checked against the unit's other closures; the row's fields when all is well. */
async function checkClosure(
  trx: Kysely<DatabaseSchema>,
  unitHsaId: string,
  input: UnitClosureBody,
  others: readonly ClosureWithRow[],
  today: string,
  language: Language,
  started?: string,
): Promise<
  Pick<UnitClosureRow, 'starts_on' | 'ends_on' | 'keeps_open' | 'message_sv' | 'message_en' | 'cover_unit_hsa_id'>
> {
  // A closure that has begun keeps its first day: errands sent since were sent during it.
  const errors: FieldError[] =
    started !== undefined && input.startsOn !== started
      ? [{ path: 'body.startsOn', code: 'started', message: serverTexts(language)(MESSAGES.started) }]
      : closureDateProblems(input, others, today).map((problem) => dateError(problem, language));
  const offered = new Set((await listUnitErrandTypes(trx, unitHsaId)).map((row) => row.errand_type));
  const keepsOpen = [...new Set(input.keepsOpen)];
  if (!keepsOpen.every((type) => offered.has(type))) {
    errors.push({
      path: 'body.keepsOpen',
      code: 'unknown-errand-type',
      message: serverTexts(language)(MESSAGES.unknownType),
    });
  }
  const message = input.message ? { sv: input.message.sv.trim(), en: input.message.en?.trim() || null } : null;
  errors.push(...messageErrors(message, language));
  const cover = input.coverUnitHsaId?.trim() || null;
  if (cover) {
    errors.push(...(await coverErrors(trx, unitHsaId, cover, language)));
    // A cover unit knows the national types, not another unit's own ones.
    if (!keepsOpen.every((type) => findBaseErrandType(type))) {
      errors.push({
        path: 'body.keepsOpen',
        code: 'own-type-with-cover',
        message: serverTexts(language)(MESSAGES.ownType),
      });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return {
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    keeps_open: JSON.stringify(keepsOpen),
    message_sv: message?.sv || null,
    message_en: message?.sv ? message.en : null,
    cover_unit_hsa_id: cover,
  };
}

export async function addClosure(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitClosureBody,
  language: Language,
): Promise<UnitClosure> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const { today, closures } = await closuresFrom(referenceReads(trx), unitHsaId, ctx.now);
    const fields = await checkClosure(trx, unitHsaId, input, closures, today, language);
    const row: UnitClosureRow = {
      id: randomUUID(),
      unit_hsa_id: unitHsaId,
      ...fields,
      created_at: ctx.now,
      created_by: ctx.actor.hsaId,
    };
    await insertUnitClosure(trx, row);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'closure-added' });
    const [shown] = await present(trx, [row]);
    if (!shown) throw new Error('closure not presented');
    return shown;
  });
}

/**
 * Changes a closure that has not ended (409 when it has: what happened during it stays as it was).
 * One that has begun keeps its first day; its last day, the types kept open, the note and the
 * cover unit may change (the cover unit from now on: errands already moved stay where they are).
 */
export async function changeClosure(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  closureId: string,
  input: UnitClosureBody,
  language: Language,
): Promise<UnitClosure> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const existing = await findUnitClosure(trx, unitHsaId, closureId);
    if (!existing) throw new AppError('not-found');
    const { today, closures } = await closuresFrom(referenceReads(trx), unitHsaId, ctx.now);
    if (existing.ends_on < today) throw new AppError('conflict', 'closure-ended');
    const others = closures.filter((closure) => closure.row.id !== closureId);
    const started = existing.starts_on <= today ? existing.starts_on : undefined;
    const fields = await checkClosure(trx, unitHsaId, input, others, today, language, started);
    await updateUnitClosure(trx, unitHsaId, closureId, fields);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'closure-changed' });
    const [shown] = await present(trx, [{ ...existing, ...fields }]);
    if (!shown) throw new Error('closure not presented');
    return shown;
  });
}

export async function removeClosure(ctx: UseCaseContext<StaffActor>, unitHsaId: string, closureId: string) {
  await changeUnit(ctx, unitHsaId, async (trx) => {
    if (!(await findUnitClosure(trx, unitHsaId, closureId))) throw new AppError('not-found');
    await deleteUnitClosure(trx, unitHsaId, closureId);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'closure-removed' });
  });
}

function dateError(problem: ClosureProblem, language: Language): FieldError {
  return {
    path: `body.${problem.field}`,
    code: problem.code,
    message: serverTexts(language)(DATE_MESSAGES[problem.code]),
  };
}

const CONTROL_CHARACTERS = /\p{Cc}/u;

function messageErrors(message: { sv: string; en: string | null } | null, language: Language): FieldError[] {
  if (!message) return [];
  const errors: FieldError[] = [];
  for (const lang of ['sv', 'en'] as const) {
    const text = message[lang];
    if (text === null) continue;
    if (lang === 'sv' && text === '') {
      errors.push({ path: 'body.message.sv', code: 'blank-text', message: serverTexts(language)(MESSAGES.blank) });
    } else if (text.length > CLOSURE_MESSAGE_MAX_LENGTH) {
      errors.push({
        path: `body.message.${lang}`,
        code: 'too-long',
        message: serverTexts(language)(MESSAGES.long, { max: CLOSURE_MESSAGE_MAX_LENGTH }),
      });
    } else if (CONTROL_CHARACTERS.test(text)) {
      errors.push({
        path: `body.message.${lang}`,
        code: 'invalid-characters',
        message: serverTexts(language)(MESSAGES.characters),
      });
    }
  }
  return errors;
}

async function coverErrors(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  coverHsaId: string,
  language: Language,
): Promise<FieldError[]> {
  const path = 'body.coverUnitHsaId';
  if (coverHsaId === unitHsaId) return [{ path, code: 'own-unit', message: serverTexts(language)(MESSAGES.ownUnit) }];
  const [unit, cover] = await Promise.all([findCareUnit(db, unitHsaId), findCareUnit(db, coverHsaId)]);
  if (!cover) return [{ path, code: 'unknown-unit', message: serverTexts(language)(MESSAGES.unknownUnit) }];
  if (cover.region_code !== unit?.region_code) {
    return [{ path, code: 'other-region', message: serverTexts(language)(MESSAGES.otherRegion) }];
  }
  return [];
}

const DATE_MESSAGES: Readonly<Record<ClosureProblem['code'], ServerMessageId>> = {
  'not-a-date': 'field.closure.not-a-date',
  'ends-before-start': 'field.closure.ends-before-start',
  'in-the-past': 'field.closure.in-the-past',
  'too-long': 'field.closure.too-long',
  overlaps: 'field.closure.overlaps',
};

const MESSAGES = {
  unknownType: 'field.closure.unknown-type',
  ownType: 'field.closure.own-type',
  blank: 'field.text-blank',
  long: 'field.closure.message-long',
  characters: 'field.text-characters',
  ownUnit: 'field.closure.own-unit',
  unknownUnit: 'field.closure.unknown-unit',
  otherRegion: 'field.closure.other-region',
  started: 'field.closure.started',
} as const;
