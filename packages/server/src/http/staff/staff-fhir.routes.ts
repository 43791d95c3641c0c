import { staffErrandRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportQuestionnaireResponse } from '../../use-cases/errands/export-questionnaire-response.ts';
import { exportErrandRecordFhir } from '../../use-cases/record-copy/export-errand-record-fhir.ts';
import { exportErrandRecordPdf } from '../../use-cases/record-copy/export-errand-record-pdf.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/**
 * Errand content for record systems: the citizen's submission as a FHIR QuestionnaireResponse, and
 * a copy of the whole errand for the medical record, as a FHIR Bundle or a tagged PDF.
 */
export async function staffFhirRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.questionnaireResponse, async ({ actor, params }) =>
    exportQuestionnaireResponse(contextFor(services, actor), params.id),
  );
  handle(app, routes.recordCopyFhir, async ({ actor, params, reply, request }) => {
    const { bundle, fileName } = await exportErrandRecordFhir(
      contextFor(services, actor),
      params.id,
      requestLanguage(request),
    );
    download(reply, fileName);
    return bundle;
  });
  handle(app, routes.recordCopyPdf, async ({ actor, params, reply, request }) => {
    const { pdf, fileName } = await exportErrandRecordPdf(
      contextFor(services, actor),
      params.id,
      requestLanguage(request),
    );
    download(reply, fileName);
    return pdf;
  });
}

/** A download, never kept by a browser or proxy cache: the copy is the citizen's health data. */
function download(reply: FastifyReply, fileName: string): void {
  reply.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '')}"`);
  reply.header('Cache-Control', 'no-store');
}
