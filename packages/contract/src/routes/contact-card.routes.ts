import { Type } from 'typebox';
import { ContactCard } from '../contact-card.schema.ts';
import { HsaId } from '../errands.schema.ts';
import { defineRoute } from '../route.ts';

/**
 * A unit's contact card for anyone, logged in or not: public information, as on 1177 (who the
 * unit is, which errand types it offers, its links). No personal data, so no session needed.
 */
export const contactCardRoutes = {
  show: defineRoute({
    method: 'GET',
    path: '/api/units/:hsaId/contact-card',
    audience: 'public',
    summary: "A unit's public contact card: its errand types (with proxy padlocks) and links",
    tags: ['citizen'],
    params: Type.Object({ hsaId: HsaId }),
    status: 200,
    response: ContactCard,
  }),
} as const;
