import { randomUUID } from 'node:crypto';
import {
  type ExternalLink,
  type ExternalLinkBody,
  type ExternalLinkListBody,
  type FieldError,
  MAX_EXTERNAL_LINKS,
} from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { serverTexts } from '../../i18n/server-texts.ts';
import {
  deleteUnitExternalLink,
  findUnitExternalLink,
  insertUnitExternalLink,
  listUnitExternalLinks,
  type UnitExternalLinkRow,
  updateUnitExternalLink,
} from '../../storage/repositories/unit-external-link.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import {
  assertUnitAdministrator,
  changeUnit,
  plainTextProblems,
  recordUnitChange,
  trimmed,
  validationFailed,
} from './unit-administration.ts';

// The links a unit puts on its contact card (external services, a booking page). Citizens follow
// them out of Kontakta, so only https addresses, with no credentials in them.

function present(row: UnitExternalLinkRow): ExternalLink {
  return {
    id: row.id,
    title: { sv: row.title_sv, en: row.title_en },
    url: row.url,
    position: row.position,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The normalised https URL, or undefined when it is not one a citizen may be sent to. */
export function safeHttpsUrl(text: string): string | undefined {
  const trimmedText = text.trim();
  if (!/^https:\/\//i.test(trimmedText) || /[\s\p{Cc}]/u.test(trimmedText)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmedText);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || !url.hostname.includes('.')) {
    return undefined;
  }
  return url.href;
}

function linkProblems(prefix: string, input: ExternalLinkBody, language: Language): FieldError[] {
  const errors: FieldError[] = plainTextProblems(`${prefix}.title`, input.title, language);
  if (!safeHttpsUrl(input.url)) {
    errors.push({
      path: `${prefix}.url`,
      code: 'not-an-https-url',
      message: serverTexts(language)('field.link.https-url'),
    });
  }
  return errors;
}

function checkLink(input: ExternalLinkBody, language: Language): { title: { sv: string; en: string }; url: string } {
  const errors = linkProblems('body', input, language);
  const url = safeHttpsUrl(input.url);
  if (errors.length > 0 || !url) throw validationFailed(errors);
  return { title: trimmed(input.title), url };
}

export async function listExternalLinks(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
): Promise<{ items: ExternalLink[] }> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  return { items: (await listUnitExternalLinks(ctx.database.db, unitHsaId)).map(present) };
}

export async function addExternalLink(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: ExternalLinkBody,
  language: Language,
): Promise<ExternalLink> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const link = checkLink(input, language);
    const existing = await listUnitExternalLinks(trx, unitHsaId);
    if (existing.length >= MAX_EXTERNAL_LINKS) throw new AppError('conflict', 'external-link-limit-reached');
    const row: UnitExternalLinkRow = {
      id: randomUUID(),
      unit_hsa_id: unitHsaId,
      position: Math.max(-1, ...existing.map((r) => r.position)) + 1,
      title_sv: link.title.sv,
      title_en: link.title.en,
      url: link.url,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    await insertUnitExternalLink(trx, row);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-added', linkId: row.id });
    return present(row);
  });
}

export async function changeExternalLink(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  linkId: string,
  input: ExternalLinkBody,
  language: Language,
): Promise<ExternalLink> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const row = await findUnitExternalLink(trx, unitHsaId, linkId);
    if (!row) throw new AppError('not-found');
    const link = checkLink(input, language);
    const changes = {
      title_sv: link.title.sv,
      title_en: link.title.en,
      url: link.url,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    await updateUnitExternalLink(trx, unitHsaId, linkId, changes);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-changed', linkId });
    return present({ ...row, ...changes });
  });
}

export async function removeExternalLink(ctx: UseCaseContext<StaffActor>, unitHsaId: string, linkId: string) {
  await changeUnit(ctx, unitHsaId, async (trx) => {
    if (!(await findUnitExternalLink(trx, unitHsaId, linkId))) throw new AppError('not-found');
    await deleteUnitExternalLink(trx, unitHsaId, linkId);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-removed', linkId });
  });
}

/** `ids` must name every link of the unit exactly once. */
export async function reorderExternalLinks(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  ids: string[],
  language: Language,
): Promise<{ items: ExternalLink[] }> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const existing = await listUnitExternalLinks(trx, unitHsaId);
    const known = new Set(existing.map((row) => row.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw validationFailed([
        { path: 'body.ids', code: 'not-every-link-once', message: serverTexts(language)('field.link.order') },
      ]);
    }
    for (const [position, id] of ids.entries()) {
      await updateUnitExternalLink(trx, unitHsaId, id, { position, updated_at: ctx.now, updated_by: ctx.actor.hsaId });
    }
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-links-reordered' });
    const byId = new Map(existing.map((row) => [row.id, row]));
    return {
      items: ids.map((id, position) =>
        present({
          ...(byId.get(id) as UnitExternalLinkRow),
          position,
          updated_at: ctx.now,
          updated_by: ctx.actor.hsaId,
        }),
      ),
    };
  });
}

/**
 * The links page's one save: the whole list in its new order, in one transaction and all or
 * nothing. A link without an id is added, one left out is removed, the others are changed where
 * they differ; each is recorded as if done alone, and a new order once. A problem names its row
 * (`body.links.2.url`); an id that is not one of the unit's links is 404, as for a single change.
 */
export async function replaceExternalLinks(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  links: ExternalLinkListBody['links'],
  language: Language,
): Promise<{ items: ExternalLink[] }> {
  return changeUnit(ctx, unitHsaId, (trx) => writeExternalLinks(trx, ctx, unitHsaId, links, language));
}

/** The list's save itself, inside a unit change's transaction (`changeUnit`); also the settings page's one save. */
export async function writeExternalLinks(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  links: ExternalLinkListBody['links'],
  language: Language,
): Promise<{ items: ExternalLink[] }> {
  const existing = new Map((await listUnitExternalLinks(trx, unitHsaId)).map((row) => [row.id, row]));
  const ids = links.flatMap((link) => (link.id ? [link.id] : []));
  if (!ids.every((id) => existing.has(id))) throw new AppError('not-found');
  if (new Set(ids).size !== ids.length) {
    throw validationFailed([
      { path: 'body.links', code: 'not-every-link-once', message: serverTexts(language)('field.link.order') },
    ]);
  }
  const errors = links.flatMap((link, index) => linkProblems(`body.links.${index}`, link, language));
  if (errors.length > 0) throw validationFailed(errors);
  const kept = new Set(ids);
  for (const id of existing.keys()) {
    if (kept.has(id)) continue;
    await deleteUnitExternalLink(trx, unitHsaId, id);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-removed', linkId: id });
  }
  const oldOrder = [...existing.values()].filter((row) => kept.has(row.id)).map((row) => row.id);
  const rows: UnitExternalLinkRow[] = [];
  for (const [position, link] of links.entries()) {
    const title = trimmed(link.title);
    const url = safeHttpsUrl(link.url) as string;
    const before = link.id ? existing.get(link.id) : undefined;
    if (!before) {
      const row: UnitExternalLinkRow = {
        id: randomUUID(),
        unit_hsa_id: unitHsaId,
        position,
        title_sv: title.sv,
        title_en: title.en,
        url,
        updated_at: ctx.now,
        updated_by: ctx.actor.hsaId,
      };
      await insertUnitExternalLink(trx, row);
      await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-added', linkId: row.id });
      rows.push(row);
      continue;
    }
    const changed = before.title_sv !== title.sv || before.title_en !== title.en || before.url !== url;
    if (!changed && before.position === position) {
      rows.push(before);
      continue;
    }
    const changes = {
      position,
      title_sv: title.sv,
      title_en: title.en,
      url,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    await updateUnitExternalLink(trx, unitHsaId, before.id, changes);
    if (changed) await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-link-changed', linkId: before.id });
    rows.push({ ...before, ...changes });
  }
  if (oldOrder.join() !== ids.join())
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'external-links-reordered' });
  return { items: rows.map(present) };
}

/** The links as they are, read inside a transaction. */
export async function readExternalLinks(
  trx: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<{ items: ExternalLink[] }> {
  return { items: (await listUnitExternalLinks(trx, unitHsaId)).map(present) };
}
