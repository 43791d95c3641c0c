import { CitizenProfile, ContactCard, HsaId, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { showCitizenProfile } from '../../use-cases/profile/show-citizen-profile.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { showContactCard } from '../../use-cases/units/show-contact-card.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };

/** What the citizen's pages need besides errands: who is logged in, and a unit's contact card. */
export async function citizenProfileRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];

  app.get(
    '/api/citizen/me',
    { schema: { tags, summary: 'Who is logged in (name only)', response: { 200: CitizenProfile, ...errors } } },
    async (request) => showCitizenProfile(contextFor(services, requireCitizen(request))),
  );

  app.get(
    '/api/citizen/units/:hsaId',
    {
      schema: {
        tags,
        summary: "A unit's contact card: the errand types it offers and its links",
        params: Type.Object({ hsaId: HsaId }),
        response: { 200: ContactCard, ...errors },
      },
    },
    async (request) =>
      showContactCard(contextFor(services, requireCitizen(request)), (request.params as { hsaId: string }).hsaId),
  );
}
