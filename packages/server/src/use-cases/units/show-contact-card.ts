import type { ContactCard } from '@kontakta/contract';
import { baseErrandTypes, findBaseErrandType } from '@kontakta/domain';
import { listContactCardServices } from '../../storage/repositories/connected-service.repository.ts';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import { findUnitContactCard, listUnitReplyTimes } from '../../storage/repositories/unit-contact-card.repository.ts';
import { listUnitExternalLinks } from '../../storage/repositories/unit-external-link.repository.ts';
import { AppError } from '../app-error.ts';
import { initiateLoginUrl, serviceProviderIssuer } from '../connected-services/hand-over.ts';
import { regionFrameOfUnit, unitTypeFlags } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { contactDetails, replyTimeOf } from './contact-card-view.ts';
import { unitView } from './find-units.ts';
import { contactCardClosure } from './unit-closure-facts.ts';

// The national order first (the order citizens know from every unit), then the unit's own types by name.
const NATIONAL_ORDER = new Map<string, number>(baseErrandTypes.map((type, index) => [type.id, index]));

/**
 * Step 1: a unit's contact card: how to reach it, and what a citizen can send it (with the reply
 * time the unit promises). Only types that are switched on and
 * have a form; types closed to proxies stay listed (with a padlock in the web app). Public
 * information, as on 1177: it needs no actor (no personal data in it), so anyone may read it.
 * A closure going on or coming is named on the card (beyond 1177), before the citizen chooses.
 */
export async function showContactCard(
  ctx: Pick<UseCaseContext, 'database' | 'clock' | 'config'>,
  unitHsaId: string,
): Promise<ContactCard> {
  const { db } = ctx.database;
  const unit = await findCareUnit(db, unitHsaId);
  if (!unit) throw new AppError('not-found');
  const [offered, links, services, contact, replyTimes, closure] = await Promise.all([
    listUnitErrandTypes(db, unitHsaId),
    listUnitExternalLinks(db, unitHsaId),
    listContactCardServices(db, unitHsaId),
    findUnitContactCard(db, unitHsaId),
    listUnitReplyTimes(db, unitHsaId),
    contactCardClosure(db, unitHsaId, ctx.clock()),
  ]);
  const replyByType = new Map(replyTimes.map((reply) => [reply.errand_type, reply]));
  // The region's base offering: a type it does not allow is not offered; its reply time is the default.
  const frame = await regionFrameOfUnit(db, unitHsaId);
  const errandTypes = offered
    .filter((row) => row.enabled === 1 && row.retired_at === null && row.current_version_id !== null)
    .filter((row) => frame(row.errand_type).allowed)
    .flatMap((row) => {
      const base = findBaseErrandType(row.errand_type);
      const name = base?.name ?? (row.name_sv && row.name_en ? { sv: row.name_sv, en: row.name_en } : undefined);
      if (!name) return [];
      const description = base?.description ?? { sv: row.description_sv ?? '', en: row.description_en ?? '' };
      return [
        {
          id: row.errand_type,
          name,
          description,
          openToProxies: unitTypeFlags(row, frame(row.errand_type)).openToProxies,
          replyTime: replyTimeOf(replyByType.get(row.errand_type)) ?? frame(row.errand_type).replyTime,
        },
      ];
    })
    .sort((a, b) => {
      const order = (NATIONAL_ORDER.get(a.id) ?? 1000) - (NATIONAL_ORDER.get(b.id) ?? 1000);
      return order !== 0 ? order : a.name.sv.localeCompare(b.name.sv, 'sv');
    });
  return {
    unit: unitView(unit),
    contact: contactDetails(unit, contact),
    errandTypes,
    links: links.map((link) => ({ title: { sv: link.title_sv, en: link.title_en }, url: link.url })),
    services: services.map((service) => ({
      id: service.id,
      name: { sv: service.name_sv, en: service.name_en },
      description: { sv: service.description_sv, en: service.description_en },
      url:
        service.client_id === null
          ? service.url
          : initiateLoginUrl(service.url, serviceProviderIssuer(ctx.config.publicUrl)),
      handOver: service.client_id !== null,
    })),
    closure,
  };
}
