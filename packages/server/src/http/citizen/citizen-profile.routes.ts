import { citizenProfileRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { showCitizenProfile } from '../../use-cases/profile/show-citizen-profile.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { handle } from '../route-handler.ts';

/** Who is logged in, for the citizen's pages (a unit's contact card is public: contact-card.routes.ts). */
export async function citizenProfileRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.me, async ({ actor }) => showCitizenProfile(contextFor(services, actor)));
}
