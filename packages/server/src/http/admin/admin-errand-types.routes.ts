import {
  AdminErrandTypeDetail,
  AdminErrandTypeList,
  CreateCustomErrandTypeBody,
  CustomErrandTypeDefinitionBody,
  ErrandTypeId,
  ErrandTypeSettingsBody,
  FormPreview,
  PreviewBaseFormsBody,
  PreviewCustomFormsBody,
  Problem,
  QuestionnaireQuery,
  SavedErrandType,
} from '@kontakta/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
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
import { requireStaff } from '../sessions.ts';
import { guardUnitAdministration, UnitParams } from './unit-administration.guard.ts';

const errors = { '4xx': Problem };
const TypeParams = Type.Object({ ...UnitParams.properties, type: ErrandTypeId });
const VersionParams = Type.Object({ ...TypeParams.properties, version: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) });
const PREFIX = '/api/admin/units/:hsaId/errand-types';

type TypeParamsValue = Static<typeof TypeParams>;

/** The unit administrator's errand types: base types' settings, custom types, previews, FHIR export. */
export async function adminErrandTypeRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['admin'];
  guardUnitAdministration(app);
  const ctx = (request: FastifyRequest) => contextFor(services, requireStaff(request));
  const params = (request: FastifyRequest) => request.params as TypeParamsValue;

  app.get(
    PREFIX,
    {
      schema: {
        tags,
        summary: "The unit's errand types: the national base offering and its own",
        params: UnitParams,
        response: { 200: AdminErrandTypeList, ...errors },
      },
    },
    async (request) => listUnitErrandTypesForAdministration(ctx(request), params(request).hsaId),
  );

  app.post(
    PREFIX,
    {
      schema: {
        tags,
        summary: 'Create a custom errand type (version 1 of its forms)',
        params: UnitParams,
        body: CreateCustomErrandTypeBody,
        response: { 201: SavedErrandType, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateCustomErrandTypeBody>;
      const saved = await createCustomErrandType(ctx(request), params(request).hsaId, body, requestLanguage(request));
      return reply.code(201).send(saved);
    },
  );

  app.post(
    `${PREFIX}/preview`,
    {
      schema: {
        tags,
        summary: "Check a custom type's forms without saving: the problems, or the forms as they would be saved",
        params: UnitParams,
        body: PreviewCustomFormsBody,
        response: { 200: FormPreview, ...errors },
      },
    },
    async (request) =>
      previewCustomErrandForms(
        ctx(request),
        params(request).hsaId,
        request.body as Static<typeof PreviewCustomFormsBody>,
        requestLanguage(request),
      ),
  );

  app.get(
    `${PREFIX}/:type`,
    {
      schema: {
        tags,
        summary: 'One errand type with its current forms and its versions',
        params: TypeParams,
        response: { 200: AdminErrandTypeDetail, ...errors },
      },
    },
    async (request) => showUnitErrandType(ctx(request), params(request).hsaId, params(request).type),
  );

  app.put(
    `${PREFIX}/:type`,
    {
      schema: {
        tags,
        summary: 'Turn a type on or off; proxies, replies, and a base type’s options (a new version when forms change)',
        params: TypeParams,
        body: ErrandTypeSettingsBody,
        response: { 200: SavedErrandType, ...errors },
      },
    },
    async (request) => {
      const { hsaId, type } = params(request);
      const body = request.body as Static<typeof ErrandTypeSettingsBody>;
      return configureErrandType(ctx(request), hsaId, type, body, requestLanguage(request));
    },
  );

  app.post(
    `${PREFIX}/:type/preview`,
    {
      schema: {
        tags,
        summary: "A base type's forms for a set of options, without saving",
        params: TypeParams,
        body: PreviewBaseFormsBody,
        response: { 200: FormPreview, ...errors },
      },
    },
    async (request) => {
      const { hsaId, type } = params(request);
      const { options } = request.body as Static<typeof PreviewBaseFormsBody>;
      return previewBaseErrandForms(ctx(request), hsaId, type, options, requestLanguage(request));
    },
  );

  app.put(
    `${PREFIX}/:type/definition`,
    {
      schema: {
        tags,
        summary: "Change a custom type's name, description and forms (a new version when forms change)",
        params: TypeParams,
        body: CustomErrandTypeDefinitionBody,
        response: { 200: SavedErrandType, ...errors },
      },
    },
    async (request) => {
      const { hsaId, type } = params(request);
      const body = request.body as Static<typeof CustomErrandTypeDefinitionBody>;
      return changeCustomErrandType(ctx(request), hsaId, type, body, requestLanguage(request));
    },
  );

  app.post(
    `${PREFIX}/:type/retire`,
    {
      schema: {
        tags,
        summary: 'Retire a custom type: off the contact card for good; errands sent with it keep their forms',
        params: TypeParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await retireCustomErrandType(ctx(request), params(request).hsaId, params(request).type);
      return reply.code(204).send();
    },
  );

  app.get(
    `${PREFIX}/:type/versions/:version/questionnaire`,
    {
      schema: {
        tags,
        summary: 'One version of the form as a FHIR R4 Questionnaire (`?form=answer` for the answer form)',
        params: VersionParams,
        querystring: QuestionnaireQuery,
        response: { 200: Type.Unknown({ description: 'A FHIR R4 Questionnaire resource.' }), ...errors },
      },
    },
    async (request, reply) => {
      const { hsaId, type, version } = request.params as Static<typeof VersionParams>;
      const { form } = request.query as Static<typeof QuestionnaireQuery>;
      const questionnaire = await exportQuestionnaire(ctx(request), hsaId, type, Number(version), form ?? 'citizen');
      return reply.type('application/fhir+json; charset=utf-8').send(questionnaire);
    },
  );
}
