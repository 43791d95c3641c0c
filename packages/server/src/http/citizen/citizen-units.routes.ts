import { Cursor, HsaId, Problem } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { listMyUnits, searchUnits } from '../../use-cases/units/find-units.ts';
import { openErrandForm } from '../../use-cases/units/open-errand-form.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };
const UnitView = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  municipality: Type.String(),
  address: Type.String(),
  kind: Type.String(),
});
const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
const FormParams = Type.Object({
  hsaId: HsaId,
  errandType: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' }),
});
const OpenedForm = Type.Object({ formVersionId: Type.String(), version: Type.Integer(), definition: Type.Unknown() });

/** Step 1: the citizen's units, unit search, and opening an errand type's form. */
export async function citizenUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];

  app.get(
    '/api/citizen/units',
    {
      schema: {
        tags,
        summary: 'Units I have used',
        response: { 200: Type.Object({ items: Type.Array(UnitView) }), ...errors },
      },
    },
    async (request) => listMyUnits(contextFor(services, requireCitizen(request))),
  );

  app.get(
    '/api/citizen/unit-search',
    {
      schema: {
        tags,
        summary: 'Find units by name or municipality',
        querystring: SearchQuery,
        response: {
          200: Type.Object({ items: Type.Array(UnitView), nextCursor: Type.Union([Cursor, Type.Null()]) }),
          ...errors,
        },
      },
    },
    async (request) =>
      searchUnits(contextFor(services, requireCitizen(request)), request.query as Static<typeof SearchQuery>),
  );

  app.get(
    '/api/citizen/units/:hsaId/errand-types/:errandType/form',
    {
      schema: {
        tags,
        summary: 'Open the form for an errand type (returns the definition version to send with)',
        params: FormParams,
        response: { 200: OpenedForm, ...errors },
      },
    },
    async (request) => {
      const { hsaId, errandType } = request.params as { hsaId: string; errandType: string };
      return openErrandForm(contextFor(services, requireCitizen(request)), hsaId, errandType);
    },
  );
}
