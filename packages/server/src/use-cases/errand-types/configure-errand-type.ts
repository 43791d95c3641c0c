import type { ErrandTypeSettingsBody, FieldError } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import {
  findFormVersion,
  type UnitErrandTypeRow,
  upsertUnitErrandType,
} from '../../storage/repositories/errand-type.repository.ts';
import { regionAllowsType } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { changeUnit, problemFieldErrors, recordUnitChange, validationFailed } from '../units/unit-administration.ts';
import { assertNotRetired, findAdministeredErrandType } from './present-unit-errand-type.ts';
import { saveBaseErrandType } from './save-base-errand-type.ts';

export type ConfiguredErrandType = { id: string; version: number; newVersion: boolean };

/**
 * Turns an errand type on or off and sets whether proxies may use it and whether citizens may
 * reply; for a base type also its options, from which its forms are built. When the options
 * change the forms, a new form version is written; errands already sent keep theirs.
 */
export async function configureErrandType(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
  settings: ErrandTypeSettingsBody,
  language: Language,
): Promise<ConfiguredErrandType> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const found = await findAdministeredErrandType(trx, unitHsaId, errandType);
    assertNotRetired(found.row);
    // The region's base offering is the frame: a type it does not allow cannot be switched on.
    if (found.kind === 'base' && settings.enabled && !(await regionAllowsType(trx, unitHsaId, errandType))) {
      throw validationFailed([
        {
          path: 'body.enabled',
          code: 'not-allowed-by-region',
          message: serverTexts(language)('field.errand-type.not-allowed-by-region', {
            name: found.type.name[language],
          }),
        },
      ]);
    }
    if (found.kind === 'custom') {
      if (settings.options !== undefined && Object.keys(settings.options).length > 0) {
        throw validationFailed([
          { path: 'body.options', code: 'no-options', message: serverTexts(language)('field.errand-type.no-options') },
        ]);
      }
      const row: UnitErrandTypeRow = {
        ...found.row,
        enabled: settings.enabled ? 1 : 0,
        open_to_proxies: settings.openToProxies ? 1 : 0,
        citizen_may_reply: settings.citizenMayReply ? 1 : 0,
        updated_at: ctx.now,
        updated_by: ctx.actor.hsaId,
      };
      await upsertUnitErrandType(trx, row);
      await recordUnitChange(trx, ctx, unitHsaId, { action: 'errand-type-settings-changed', errandType });
      const current = row.current_version_id ? await findFormVersion(trx, row.current_version_id) : undefined;
      return { id: errandType, version: current?.version ?? 0, newVersion: false };
    }

    const options = settings.options ?? (found.row ? (JSON.parse(found.row.options) as unknown) : {});
    const saved = await saveBaseErrandType(
      trx,
      unitHsaId,
      errandType,
      { ...settings, options },
      ctx.now,
      ctx.actor.hsaId,
    );
    if (!saved.ok) throw validationFailed(optionErrors(saved.problems, language));
    await recordUnitChange(trx, ctx, unitHsaId, {
      action: 'errand-type-settings-changed',
      errandType,
      ...(saved.newVersion ? { formVersion: saved.version } : {}),
    });
    return { id: errandType, version: saved.version, newVersion: saved.newVersion };
  });
}

/**
 * Problems with options point into `body.options`; a problem in the forms built from them (a
 * certificate name with characters not allowed, say) can only come from the options too.
 */
export function optionErrors(
  problems: Parameters<typeof problemFieldErrors>[1],
  language: Language,
  prefix = 'body.options',
): FieldError[] {
  return problemFieldErrors(
    prefix,
    problems.map((problem) => (/^(citizenForm|answerForm)\./.test(problem.path) ? { ...problem, path: '' } : problem)),
    language,
  );
}
