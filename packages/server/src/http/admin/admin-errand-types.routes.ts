import { unitAdminRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { changeCustomErrandType } from '../../use-cases/errand-types/change-custom-errand-type.ts';
import { configureErrandType } from '../../use-cases/errand-types/configure-errand-type.ts';
import { createCustomErrandType } from '../../use-cases/errand-types/create-custom-errand-type.ts';
import { exportQuestionnaire } from '../../use-cases/errand-types/export-questionnaire.ts';
import { listUnitErrandTypesForAdministration } from '../../use-cases/errand-types/list-unit-errand-types.ts';
import {
  previewBaseErrandForms,
  previewCustomErrandForms,
} from '../../use-cases/errand-types/preview-errand-type-forms.ts';
import { retireCustomErrandType } from '../../use-cases/errand-types/retire-custom-errand-type.ts';
import { showUnitErrandType } from '../../use-cases/errand-types/show-unit-errand-type.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';
import { guardUnitAdministration } from './unit-administration.guard.ts';

/** The unit administrator's errand types: base types' settings, custom types, previews, FHIR export. */
export async function adminErrandTypeRoutes(app: FastifyInstance, { services }: { services: Services }) {
  guardUnitAdministration(app);

  handle(app, routes.listErrandTypes, async ({ actor, params }) =>
    listUnitErrandTypesForAdministration(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.createCustomType, async ({ actor, params, body, request }) =>
    createCustomErrandType(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.previewCustomForms, async ({ actor, params, body, request }) =>
    previewCustomErrandForms(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.showErrandType, async ({ actor, params }) =>
    showUnitErrandType(contextFor(services, actor), params.hsaId, params.type),
  );
  handle(app, routes.saveErrandTypeSettings, async ({ actor, params, body, request }) =>
    configureErrandType(contextFor(services, actor), params.hsaId, params.type, body, requestLanguage(request)),
  );
  handle(app, routes.previewBaseForms, async ({ actor, params, body, request }) =>
    previewBaseErrandForms(
      contextFor(services, actor),
      params.hsaId,
      params.type,
      body.options,
      requestLanguage(request),
    ),
  );
  handle(app, routes.changeCustomType, async ({ actor, params, body, request }) =>
    changeCustomErrandType(contextFor(services, actor), params.hsaId, params.type, body, requestLanguage(request)),
  );
  handle(app, routes.retireCustomType, async ({ actor, params }) => {
    await retireCustomErrandType(contextFor(services, actor), params.hsaId, params.type);
    return undefined;
  });
  handle(app, routes.questionnaire, async ({ actor, params, query }) =>
    exportQuestionnaire(
      contextFor(services, actor),
      params.hsaId,
      params.type,
      Number(params.version),
      query.form ?? 'citizen',
    ),
  );
}
