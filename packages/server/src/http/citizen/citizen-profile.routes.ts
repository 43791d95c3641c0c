import { CitizenProfile, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { showCitizenProfile } from '../../use-cases/profile/show-citizen-profile.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };

/** Who is logged in, for the citizen's pages (a unit's contact card is public: contact-card.routes.ts). */
export async function citizenProfileRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];

  app.get(
    '/api/citizen/me',
    { schema: { tags, summary: 'Who is logged in (name only)', response: { 200: CitizenProfile, ...errors } } },
    async (request) => showCitizenProfile(contextFor(services, requireCitizen(request))),
  );
}
