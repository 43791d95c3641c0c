import type { FieldError, RegionOffering, RegionOfferingBody } from '@kontakta/contract';
import { findBaseErrandType, type Language, type StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import { listRegionPolicies, upsertRegionPolicy } from '../../storage/repositories/region-administration.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { changeRegion, recordRegionChange } from './region-administration.ts';
import { frameOf, type RegionTypeFrame } from './region-frame.ts';
import { presentRegionOffering } from './show-region-offering.ts';

/**
 * Sets the region's base offering in one save: for each national type, whether the region's units
 * may offer it and the defaults they start from. Types left out keep their frame. Every type whose
 * frame changes is one entry in the region's change record (allowed, disallowed, defaults). Units'
 * own settings are left as they are: a disallowed type simply stops being offered at their units.
 */
export async function changeRegionOffering(
  ctx: UseCaseContext<StaffActor>,
  body: RegionOfferingBody,
  language: Language,
): Promise<RegionOffering> {
  return changeRegion(ctx, async (trx, regionCode) => {
    const errors = bodyProblems(body, language);
    if (errors.length > 0) throw new AppError('validation-failed', undefined, errors);
    const current = new Map((await listRegionPolicies(trx, regionCode)).map((row) => [row.errand_type, row]));
    for (const item of body.items) {
      const before = frameOf(current.get(item.errandType));
      const after: RegionTypeFrame = {
        allowed: item.allowed,
        openToProxies: item.openToProxies,
        citizenMayReply: item.citizenMayReply,
        replyTime: item.replyTime,
      };
      const allowedChanged = before.allowed !== after.allowed;
      const defaultsChanged =
        before.openToProxies !== after.openToProxies ||
        before.citizenMayReply !== after.citizenMayReply ||
        before.replyTime?.amount !== after.replyTime?.amount ||
        before.replyTime?.unit !== after.replyTime?.unit;
      if (!allowedChanged && !defaultsChanged) continue;
      await upsertRegionPolicy(trx, {
        region_code: regionCode,
        errand_type: item.errandType,
        allowed: after.allowed ? 1 : 0,
        open_to_proxies: after.openToProxies ? 1 : 0,
        citizen_may_reply: after.citizenMayReply ? 1 : 0,
        reply_amount: after.replyTime?.amount ?? null,
        reply_unit: after.replyTime?.unit ?? null,
        updated_at: ctx.now,
        updated_by: ctx.actor.hsaId,
      });
      if (allowedChanged) {
        await recordRegionChange(trx, ctx, regionCode, {
          action: after.allowed ? 'errand-type-allowed' : 'errand-type-disallowed',
          errandType: item.errandType,
        });
      }
      if (defaultsChanged) {
        await recordRegionChange(trx, ctx, regionCode, {
          action: 'errand-type-defaults-changed',
          errandType: item.errandType,
        });
      }
    }
    return presentRegionOffering(trx, regionCode);
  });
}

/** Only national types (a unit's own types are its own), each at most once. */
function bodyProblems(body: RegionOfferingBody, language: Language): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.items.forEach((item, index) => {
    const path = `body.items[${index}].errandType`;
    if (!findBaseErrandType(item.errandType)) {
      errors.push({
        path,
        code: 'unknown-errand-type',
        message: serverTexts(language)('field.region-offering.unknown-type'),
      });
    } else if (seen.has(item.errandType)) {
      errors.push({
        path,
        code: 'duplicate-errand-type',
        message: serverTexts(language)('field.region-offering.duplicate-type'),
      });
    }
    seen.add(item.errandType);
  });
  return errors;
}
