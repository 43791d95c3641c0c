import { unitAdminRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { contextFor, type Services } from '../../use-cases/services.ts';
import {
  addAnswerTemplate,
  changeAnswerTemplate,
  listUnitAnswerTemplates,
  removeAnswerTemplate,
} from '../../use-cases/units/answer-templates.ts';
import { changeUnitContactSettings } from '../../use-cases/units/change-unit-contact-settings.ts';
import {
  addExternalLink,
  changeExternalLink,
  listExternalLinks,
  removeExternalLink,
  reorderExternalLinks,
  replaceExternalLinks,
} from '../../use-cases/units/external-links.ts';
import { listRegionUnits } from '../../use-cases/units/list-region-units.ts';
import { listUnitChanges } from '../../use-cases/units/list-unit-changes.ts';
import { saveUnitSettingsPage } from '../../use-cases/units/save-unit-settings-page.ts';
import { showUnitContactSettings } from '../../use-cases/units/show-unit-contact-settings.ts';
import { addClosure, changeClosure, listClosures, removeClosure } from '../../use-cases/units/unit-closures.ts';
import { changeUnitSettings, showUnitSettings } from '../../use-cases/units/unit-settings.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';
import { guardUnitAdministration } from './unit-administration.guard.ts';

/** The unit administrator's other settings: notification e-mail, staff names, contact card, links, change record. */
export async function adminUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  guardUnitAdministration(app);

  handle(app, routes.showSettings, async ({ actor, params }) =>
    showUnitSettings(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.changeSettings, async ({ actor, params, body, request }) =>
    changeUnitSettings(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.showContactSettings, async ({ actor, params }) =>
    showUnitContactSettings(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.changeContactSettings, async ({ actor, params, body, request }) =>
    changeUnitContactSettings(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.saveSettingsPage, async ({ actor, params, body, request }) =>
    saveUnitSettingsPage(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.listLinks, async ({ actor, params }) =>
    listExternalLinks(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.addLink, async ({ actor, params, body, request }) =>
    addExternalLink(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.replaceLinks, async ({ actor, params, body, request }) =>
    replaceExternalLinks(contextFor(services, actor), params.hsaId, body.links, requestLanguage(request)),
  );
  handle(app, routes.reorderLinks, async ({ actor, params, body, request }) =>
    reorderExternalLinks(contextFor(services, actor), params.hsaId, body.ids, requestLanguage(request)),
  );
  handle(app, routes.changeLink, async ({ actor, params, body, request }) =>
    changeExternalLink(contextFor(services, actor), params.hsaId, params.linkId, body, requestLanguage(request)),
  );
  handle(app, routes.removeLink, async ({ actor, params }) => {
    await removeExternalLink(contextFor(services, actor), params.hsaId, params.linkId);
    return undefined;
  });
  handle(app, routes.listTemplates, async ({ actor, params }) =>
    listUnitAnswerTemplates(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.addTemplate, async ({ actor, params, body, request }) =>
    addAnswerTemplate(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.changeTemplate, async ({ actor, params, body, request }) =>
    changeAnswerTemplate(contextFor(services, actor), params.hsaId, params.templateId, body, requestLanguage(request)),
  );
  handle(app, routes.removeTemplate, async ({ actor, params }) => {
    await removeAnswerTemplate(contextFor(services, actor), params.hsaId, params.templateId);
    return undefined;
  });
  handle(app, routes.listClosures, async ({ actor, params }) =>
    listClosures(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.addClosure, async ({ actor, params, body, request }) =>
    addClosure(contextFor(services, actor), params.hsaId, body, requestLanguage(request)),
  );
  handle(app, routes.changeClosure, async ({ actor, params, body, request }) =>
    changeClosure(contextFor(services, actor), params.hsaId, params.closureId, body, requestLanguage(request)),
  );
  handle(app, routes.listRegionUnits, async ({ actor, params }) =>
    listRegionUnits(contextFor(services, actor), params.hsaId),
  );
  handle(app, routes.removeClosure, async ({ actor, params }) => {
    await removeClosure(contextFor(services, actor), params.hsaId, params.closureId);
    return undefined;
  });
  handle(app, routes.listChanges, async ({ actor, params, query }) =>
    listUnitChanges(contextFor(services, actor), params.hsaId, {
      cursor: query.cursor,
      limit: query.limit ? Number(query.limit) : undefined,
    }),
  );
}
