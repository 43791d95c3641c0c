import type { UnitSettings, UnitSettingsBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { serverTexts } from '../../i18n/server-texts.ts';
import { findUnitSetting, type UnitSettingRow, upsertUnitSetting } from '../../storage/repositories/unit.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator, changeUnit, recordUnitChange, validationFailed } from './unit-administration.ts';

// A unit's own settings: where and how often "something new" e-mails go, and how its staff are
// named to citizens.

function present(row: UnitSettingRow | undefined): UnitSettings {
  return {
    notificationEmail: row?.notification_email ?? null,
    staffNames: row?.staff_names ?? 'full-name',
    mailboxNotifications: row?.mailbox_notifications ?? 'each',
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export async function showUnitSettings(ctx: UseCaseContext<StaffActor>, unitHsaId: string): Promise<UnitSettings> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  return present(await findUnitSetting(ctx.database.db, unitHsaId));
}

// Deliberately plain: one @, no spaces, a dot in the domain. Whether mail arrives is the
// delivery status's business; this only catches typing mistakes.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function changeUnitSettings(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitSettingsBody,
  language: Language,
): Promise<UnitSettings> {
  return changeUnit(ctx, unitHsaId, (trx) => writeUnitSettings(trx, ctx, unitHsaId, input, language));
}

/** The change itself, inside a unit change's transaction (`changeUnit`); also the settings page's one save. */
export async function writeUnitSettings(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitSettingsBody,
  language: Language,
): Promise<UnitSettings> {
  const email = input.notificationEmail?.trim() ?? null;
  if (email !== null && (!EMAIL.test(email) || /\p{Cc}/u.test(email))) {
    throw validationFailed([
      {
        path: 'body.notificationEmail',
        code: 'invalid-email',
        message: serverTexts(language)('field.email-example'),
      },
    ]);
  }
  const before = await findUnitSetting(trx, unitHsaId);
  const row: UnitSettingRow = {
    unit_hsa_id: unitHsaId,
    notification_email: email === '' ? null : email,
    staff_names: input.staffNames,
    mailbox_notifications: input.mailboxNotifications ?? before?.mailbox_notifications ?? 'each',
    last_digest_at: before?.last_digest_at ?? null,
    updated_at: ctx.now,
    updated_by: ctx.actor.hsaId,
  };
  await upsertUnitSetting(trx, row);
  await recordUnitChange(trx, ctx, unitHsaId, { action: 'unit-settings-changed' });
  return present(row);
}

/** The settings as they are, read inside a transaction. */
export async function readUnitSettings(trx: Kysely<DatabaseSchema>, unitHsaId: string): Promise<UnitSettings> {
  return present(await findUnitSetting(trx, unitHsaId));
}
