import { randomUUID } from 'node:crypto';
import type { FieldError, UnitAdminAction } from '@kontakta/contract';
import type { Actor, DefinitionProblem, Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { serverTexts } from '../../i18n/server-texts.ts';
import { insertUnitAdminChange, lockUnitForChange } from '../../storage/repositories/unit-administration.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

// What every unit-administration use case shares: who may administer a unit, one transaction per
// change with the unit locked, and the record of who changed what.

/**
 * Only the unit's own administrators, acting within that unit (the one chosen at login), may
 * change its e-services. Units are public, so staff without the role get 403, not 404; a citizen
 * session never reaches the staff side (404, like every staff endpoint).
 */
export function assertUnitAdministrator(actor: Actor, unitHsaId: string): asserts actor is StaffActor {
  if (actor.kind !== 'staff') throw new AppError('not-found');
  if (actor.unitHsaId !== unitHsaId || !actor.roles.includes('unit-administrator')) {
    throw new AppError('forbidden', 'unit-administrators-only');
  }
}

/**
 * Runs one administrative change: authorization first, then a transaction in which the unit is
 * locked, so version numbers, link positions and limits are read and written by one change at a time.
 */
export async function changeUnit<T>(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  work: (trx: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await lockUnitForChange(trx, ctx.database.dialect, unitHsaId))) throw new AppError('not-found');
    return work(trx);
  });
}

/** Appends to the unit's change record, in the transaction of the change itself. */
export async function recordUnitChange(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  change: { action: UnitAdminAction; errandType?: string; formVersion?: number; linkId?: string },
): Promise<void> {
  await insertUnitAdminChange(trx, {
    id: randomUUID(),
    unit_hsa_id: unitHsaId,
    at: ctx.now,
    staff_hsa_id: ctx.actor.hsaId,
    action: change.action,
    errand_type: change.errandType ?? null,
    form_version: change.formVersion ?? null,
    link_id: change.linkId ?? null,
  });
}

/** A definition problem as a field error under `prefix` (`body.citizenForm`), in the caller's language. */
export function problemFieldErrors(prefix: string, problems: DefinitionProblem[], language: Language): FieldError[] {
  const text = serverTexts(language);
  return problems.map((problem) => ({
    path:
      problem.path === '' ? prefix : problem.path.startsWith('[') ? prefix + problem.path : `${prefix}.${problem.path}`,
    code: problem.code,
    message: text(problem.message.id, problem.message.values),
  }));
}

export function validationFailed(errors: FieldError[]): AppError {
  return new AppError('validation-failed', undefined, errors);
}

const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Short texts an administrator writes (names, titles): not blank, no control characters. */
export function plainTextProblems(path: string, text: { sv: string; en: string }, language: Language): FieldError[] {
  const errors: FieldError[] = [];
  for (const lang of ['sv', 'en'] as const) {
    const value = text[lang];
    if (value.trim() === '') {
      errors.push({ path: `${path}.${lang}`, code: 'blank-text', message: serverTexts(language)(MESSAGES.blank) });
    } else if (CONTROL_CHARACTERS.test(value)) {
      errors.push({
        path: `${path}.${lang}`,
        code: 'invalid-characters',
        message: serverTexts(language)(MESSAGES.characters),
      });
    }
  }
  return errors;
}

const MESSAGES = {
  blank: 'field.text-blank',
  characters: 'field.text-characters',
} as const;

/** Trims both languages; call after plainTextProblems found nothing. */
export function trimmed(text: { sv: string; en: string }): { sv: string; en: string } {
  return { sv: text.sv.trim(), en: text.en.trim() };
}
