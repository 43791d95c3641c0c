import {
  ExternalLink,
  ExternalLinkBody,
  ExternalLinkList,
  ExternalLinkOrderBody,
  Id,
  Problem,
  UnitAdminChangeList,
  UnitAdminChangeQuery,
  UnitSettings,
  UnitSettingsBody,
} from '@kontakta/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { contextFor, type Services } from '../../use-cases/services.ts';
import {
  addExternalLink,
  changeExternalLink,
  listExternalLinks,
  removeExternalLink,
  reorderExternalLinks,
} from '../../use-cases/units/external-links.ts';
import { listUnitChanges } from '../../use-cases/units/list-unit-changes.ts';
import { changeUnitSettings, showUnitSettings } from '../../use-cases/units/unit-settings.ts';
import { requestLanguage } from '../request-language.ts';
import { requireStaff } from '../sessions.ts';
import { guardUnitAdministration, UnitParams } from './unit-administration.guard.ts';

const errors = { '4xx': Problem };
const LinkParams = Type.Object({ ...UnitParams.properties, linkId: Id });
const PREFIX = '/api/admin/units/:hsaId';

/** The unit administrator's other settings: notification e-mail, staff names, links, change record. */
export async function adminUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['admin'];
  guardUnitAdministration(app);
  const ctx = (request: FastifyRequest) => contextFor(services, requireStaff(request));
  const unitOf = (request: FastifyRequest) => (request.params as { hsaId: string }).hsaId;
  const linkOf = (request: FastifyRequest) => (request.params as { linkId: string }).linkId;

  app.get(
    `${PREFIX}/settings`,
    {
      schema: {
        tags,
        summary: 'Notification e-mail and how staff are named to citizens',
        params: UnitParams,
        response: { 200: UnitSettings, ...errors },
      },
    },
    async (request) => showUnitSettings(ctx(request), unitOf(request)),
  );

  app.put(
    `${PREFIX}/settings`,
    {
      schema: {
        tags,
        summary: 'Change the notification e-mail and how staff are named',
        params: UnitParams,
        body: UnitSettingsBody,
        response: { 200: UnitSettings, ...errors },
      },
    },
    async (request) =>
      changeUnitSettings(
        ctx(request),
        unitOf(request),
        request.body as Static<typeof UnitSettingsBody>,
        requestLanguage(request),
      ),
  );

  app.get(
    `${PREFIX}/links`,
    {
      schema: {
        tags,
        summary: 'The links on the contact card, in order',
        params: UnitParams,
        response: { 200: ExternalLinkList, ...errors },
      },
    },
    async (request) => listExternalLinks(ctx(request), unitOf(request)),
  );

  app.post(
    `${PREFIX}/links`,
    {
      schema: {
        tags,
        summary: 'Add a link (https only) at the end',
        params: UnitParams,
        body: ExternalLinkBody,
        response: { 201: ExternalLink, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof ExternalLinkBody>;
      const link = await addExternalLink(ctx(request), unitOf(request), body, requestLanguage(request));
      return reply.code(201).send(link);
    },
  );

  app.put(
    `${PREFIX}/links/order`,
    {
      schema: {
        tags,
        summary: 'Put the links in a new order (every link id once)',
        params: UnitParams,
        body: ExternalLinkOrderBody,
        response: { 200: ExternalLinkList, ...errors },
      },
    },
    async (request) => {
      const { ids } = request.body as Static<typeof ExternalLinkOrderBody>;
      return reorderExternalLinks(ctx(request), unitOf(request), ids, requestLanguage(request));
    },
  );

  app.put(
    `${PREFIX}/links/:linkId`,
    {
      schema: {
        tags,
        summary: "Change a link's title or address",
        params: LinkParams,
        body: ExternalLinkBody,
        response: { 200: ExternalLink, ...errors },
      },
    },
    async (request) => {
      const body = request.body as Static<typeof ExternalLinkBody>;
      return changeExternalLink(ctx(request), unitOf(request), linkOf(request), body, requestLanguage(request));
    },
  );

  app.delete(
    `${PREFIX}/links/:linkId`,
    {
      schema: { tags, summary: 'Remove a link', params: LinkParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeExternalLink(ctx(request), unitOf(request), linkOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    `${PREFIX}/changes`,
    {
      schema: {
        tags,
        summary: "Who changed the unit's e-services and when, newest first",
        params: UnitParams,
        querystring: UnitAdminChangeQuery,
        response: { 200: UnitAdminChangeList, ...errors },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query as Static<typeof UnitAdminChangeQuery>;
      return listUnitChanges(ctx(request), unitOf(request), { cursor, limit: limit ? Number(limit) : undefined });
    },
  );
}
