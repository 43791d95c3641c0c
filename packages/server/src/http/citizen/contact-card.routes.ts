import { ContactCard, HsaId, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../use-cases/services.ts';
import { showContactCard } from '../../use-cases/units/show-contact-card.ts';

/**
 * A unit's contact card for anyone, logged in or not: public information, as on 1177 (who the
 * unit is, which errand types it offers, its links). No personal data, so no session needed.
 */
export async function contactCardRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get(
    '/api/units/:hsaId/contact-card',
    {
      schema: {
        tags: ['citizen'],
        summary: "A unit's public contact card: its errand types (with proxy padlocks) and links",
        params: Type.Object({ hsaId: HsaId }),
        response: { 200: ContactCard, '4xx': Problem },
      },
    },
    async (request) => showContactCard(services, (request.params as { hsaId: string }).hsaId),
  );
}
