import { Type } from 'typebox';
import { OpenedErrandForm, UnitList, UnitSearchPage, UnitSearchQuery } from '../contact-card.schema.ts';
import { ErrandTypeId } from '../errand-types.schema.ts';
import { HsaId } from '../errands.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen'];

/** Step 1 of an errand: the citizen's units, unit search, and opening an errand type's form. */
export const citizenUnitRoutes = {
  myUnits: defineRoute({
    method: 'GET',
    path: '/api/citizen/units',
    audience: 'citizen',
    summary: 'Units I have used',
    tags,
    status: 200,
    response: UnitList,
  }),
  search: defineRoute({
    method: 'GET',
    path: '/api/citizen/unit-search',
    audience: 'citizen',
    summary: 'Find units by name or municipality',
    tags,
    query: UnitSearchQuery,
    status: 200,
    response: UnitSearchPage,
  }),
  openForm: defineRoute({
    method: 'GET',
    path: '/api/citizen/units/:hsaId/errand-types/:errandType/form',
    audience: 'citizen',
    summary: 'Open the form for an errand type (returns the definition version to send with)',
    tags,
    params: Type.Object({ hsaId: HsaId, errandType: ErrandTypeId }),
    status: 200,
    response: OpenedErrandForm,
  }),
} as const;
