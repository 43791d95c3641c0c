import { staffErrandRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { exportQuestionnaireResponse } from '../../use-cases/errands/export-questionnaire-response.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { handle } from '../route-handler.ts';

/** Errand content in FHIR R4 for record systems: the citizen's submission as a QuestionnaireResponse. */
export async function staffFhirRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.questionnaireResponse, async ({ actor, params }) =>
    exportQuestionnaireResponse(contextFor(services, actor), params.id),
  );
}
