import { randomUUID } from 'node:crypto';
import type { Language, StaffActor } from '@kontakta/domain';
import { sealText } from '../../encryption/envelope.ts';
import { serverTexts } from '../../i18n/server-texts.ts';
import { insertErrandNote } from '../../storage/repositories/errand-note.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { dataKeyOf, findVisibleErrand, logStaffAccess } from './errand-record.ts';

/**
 * Staff leave a note on an errand for each other ("Ringt, inget svar – försöker igen i morgon").
 * Only staff who may see the errand write one; it is sealed under the errand's key, written to
 * the access log, and never part of anything the citizen is shown. Not an errand event: the
 * citizen's history must not show it.
 */

export async function addInternalNote(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  text: string,
  language: Language,
) {
  if (!text.trim()) {
    throw new AppError('validation-failed', undefined, [
      { path: 'body.text', code: 'required', message: serverTexts(language)('field.errand.note-required') },
    ]);
  }
  await ctx.database.db.transaction().execute(async (trx) => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    if (access.as === 'citizen') throw new AppError('not-found');
    const id = randomUUID();
    await insertErrandNote(trx, {
      id,
      errand_id: row.id,
      author_hsa_id: ctx.actor.hsaId,
      content: sealText(dataKeyOf(ctx, row), JSON.stringify({ text: text.trim() }), `${row.id}:note:${id}`),
      created_at: ctx.now,
    });
    await logStaffAccess(ctx, trx, row, { hsaId: access.hsaId, role: access.as }, 'note');
  });
}
