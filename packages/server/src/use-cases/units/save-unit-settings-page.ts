import type { FieldError, UnitSettingsPage, UnitSettingsPageBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { writeUnitContactSettings } from './change-unit-contact-settings.ts';
import { readExternalLinks, writeExternalLinks } from './external-links.ts';
import { readUnitContactSettings } from './show-unit-contact-settings.ts';
import { changeUnit, validationFailed } from './unit-administration.ts';
import { readUnitSettings, writeUnitSettings } from './unit-settings.ts';

/**
 * The unit settings page's one save: its settings, contact card and links (those sent; a part
 * left out is unchanged) in one transaction with the unit locked. Each part is written by its own
 * use case, so checks and change-log entries are those of a save of that part alone. A problem in
 * any part refuses the whole save: every part is checked, the problems are named under their part
 * (`body.settings.notificationEmail`, `body.contactCard.phone`, `body.links.1.url`) and the
 * transaction is rolled back, so nothing is written.
 */
export async function saveUnitSettingsPage(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitSettingsPageBody,
  language: Language,
): Promise<UnitSettingsPage> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const errors: FieldError[] = [];
    // A part's field errors are kept (under the part's name) so the next parts are checked too.
    const part = async <T>(name: string, write: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation-failed' || !error.errors) throw error;
        errors.push(...error.errors.map((fieldError) => ({ ...fieldError, path: underPart(fieldError.path, name) })));
        return undefined;
      }
    };
    const { settings, contactCard, links } = input;
    const savedSettings = settings
      ? await part('settings', () => writeUnitSettings(trx, ctx, unitHsaId, settings, language))
      : undefined;
    const savedCard = contactCard
      ? await part('contactCard', () => writeUnitContactSettings(trx, ctx, unitHsaId, contactCard, language))
      : undefined;
    // The links use case names its rows `body.links.N` already, as this body does.
    const savedLinks = links
      ? await part('', () => writeExternalLinks(trx, ctx, unitHsaId, links, language))
      : undefined;
    if (errors.length > 0) throw validationFailed(errors);
    return {
      settings: savedSettings ?? (await readUnitSettings(trx, unitHsaId)),
      contactCard: savedCard ?? (await readUnitContactSettings(trx, unitHsaId)),
      links: savedLinks ?? (await readExternalLinks(trx, unitHsaId)),
    };
  });
}

/** `body.phone` of a part's own save as `body.contactCard.phone` of this one. */
function underPart(path: string, name: string): string {
  if (name === '') return path;
  return path === 'body' ? `body.${name}` : path.replace(/^body\./, `body.${name}.`);
}
