import { contactCardRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../use-cases/services.ts';
import { showContactCard } from '../../use-cases/units/show-contact-card.ts';
import { handle } from '../route-handler.ts';

/**
 * A unit's contact card for anyone, logged in or not: public information, as on 1177 (who the
 * unit is, which errand types it offers, its links). No personal data, so no session needed.
 */
export async function contactCardRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.show, async ({ params }) => showContactCard(services, params.hsaId));
}
