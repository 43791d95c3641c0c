import { Id, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { exportQuestionnaireResponse } from '../../use-cases/errands/export-questionnaire-response.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requireStaff } from '../sessions.ts';

/** Errand content in FHIR R4 for record systems: the citizen's submission as a QuestionnaireResponse. */
export async function staffFhirRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get(
    '/api/staff/errands/:id/questionnaire-response',
    {
      schema: {
        tags: ['staff'],
        summary: "The citizen's submission as a FHIR R4 QuestionnaireResponse (written to the access log)",
        params: Type.Object({ id: Id }),
        response: { 200: Type.Unknown({ description: 'A FHIR R4 QuestionnaireResponse resource.' }), '4xx': Problem },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(services, requireStaff(request));
      const response = await exportQuestionnaireResponse(ctx, (request.params as { id: string }).id);
      return reply.type('application/fhir+json; charset=utf-8').send(response);
    },
  );
}
