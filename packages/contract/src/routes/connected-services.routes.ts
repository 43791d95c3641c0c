import { Type } from 'typebox';
import {
  ConnectedService,
  ConnectedServiceBody,
  ConnectedServiceList,
  ConnectedServiceListQuery,
  HandOverAnswerBody,
  HandOverRedirect,
  HandOverView,
  SavedConnectedService,
  ServiceClientSecret,
  ServiceConsentList,
} from '../connected-service.schema.ts';
import { HsaId, Id } from '../errands.schema.ts';
import { defineRoute } from '../route.ts';

// Connected external services, registered by a regional administrator for their region (the
// region is the session's) or by a unit administrator for their unit. Refusals as elsewhere: not
// logged in 401, a citizen 404, staff without the role 403, another region's or unit's service 404.

const tags = ['services'];
const UnitParams = Type.Object({ hsaId: HsaId });
const UnitServiceParams = Type.Object({ ...UnitParams.properties, serviceId: Id });
const ServiceParams = Type.Object({ serviceId: Id });

export const regionServiceRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/region/services',
    audience: 'staff',
    summary: "The region's connected services, its units' own included, a page at a time by name",
    tags,
    query: ConnectedServiceListQuery,
    status: 200,
    response: ConnectedServiceList,
  }),
  register: defineRoute({
    method: 'POST',
    path: '/api/region/services',
    audience: 'staff',
    summary: 'Register a service for units of the region; with a hand-over, its client secret is shown once',
    tags,
    body: ConnectedServiceBody,
    status: 201,
    response: SavedConnectedService,
  }),
  show: defineRoute({
    method: 'GET',
    path: '/api/region/services/:serviceId',
    audience: 'staff',
    summary: 'One service of the region',
    tags,
    params: ServiceParams,
    status: 200,
    response: ConnectedService,
  }),
  change: defineRoute({
    method: 'PUT',
    path: '/api/region/services/:serviceId',
    audience: 'staff',
    summary: 'Change a service; switching the hand-over on creates its client (secret shown once)',
    tags,
    params: ServiceParams,
    body: ConnectedServiceBody,
    status: 200,
    response: SavedConnectedService,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/region/services/:serviceId',
    audience: 'staff',
    summary: 'Remove a service from every contact card',
    tags,
    params: ServiceParams,
    status: 204,
  }),
  renewSecret: defineRoute({
    method: 'POST',
    path: '/api/region/services/:serviceId/secret',
    audience: 'staff',
    summary: 'A new client secret, shown once; the old one stops working',
    tags,
    params: ServiceParams,
    status: 200,
    response: ServiceClientSecret,
  }),
} as const;

export const unitServiceRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/units/:hsaId/services',
    audience: 'staff',
    summary: "The unit's own connected services, a page at a time by name",
    tags,
    params: UnitParams,
    query: ConnectedServiceListQuery,
    status: 200,
    response: ConnectedServiceList,
  }),
  register: defineRoute({
    method: 'POST',
    path: '/api/admin/units/:hsaId/services',
    audience: 'staff',
    summary: "Register a service on the unit's contact card; with a hand-over, its client secret is shown once",
    tags,
    params: UnitParams,
    body: ConnectedServiceBody,
    status: 201,
    response: SavedConnectedService,
  }),
  show: defineRoute({
    method: 'GET',
    path: '/api/admin/units/:hsaId/services/:serviceId',
    audience: 'staff',
    summary: "One of the unit's own services",
    tags,
    params: UnitServiceParams,
    status: 200,
    response: ConnectedService,
  }),
  change: defineRoute({
    method: 'PUT',
    path: '/api/admin/units/:hsaId/services/:serviceId',
    audience: 'staff',
    summary: 'Change a service; switching the hand-over on creates its client (secret shown once)',
    tags,
    params: UnitServiceParams,
    body: ConnectedServiceBody,
    status: 200,
    response: SavedConnectedService,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/units/:hsaId/services/:serviceId',
    audience: 'staff',
    summary: 'Remove a service from the contact card',
    tags,
    params: UnitServiceParams,
    status: 204,
  }),
  renewSecret: defineRoute({
    method: 'POST',
    path: '/api/admin/units/:hsaId/services/:serviceId/secret',
    audience: 'staff',
    summary: 'A new client secret, shown once; the old one stops working',
    tags,
    params: UnitServiceParams,
    status: 200,
    response: ServiceClientSecret,
  }),
} as const;

const HandOverParams = Type.Object({ uid: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** The citizen's side of a login hand-over to a connected service (Kontakta as OpenID Provider). */
export const citizenHandOverRoutes = {
  open: defineRoute({
    method: 'GET',
    path: '/api/citizen/hand-overs/:uid',
    audience: 'citizen',
    summary: 'A service asks for the login: which service, which claims, and whether consented before',
    tags: ['citizen'],
    params: HandOverParams,
    status: 200,
    response: HandOverView,
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/citizen/hand-overs/:uid',
    audience: 'citizen',
    summary: 'Hand the login over to the service (remembered), or refuse',
    tags: ['citizen'],
    params: HandOverParams,
    body: HandOverAnswerBody,
    status: 200,
    response: HandOverRedirect,
  }),
} as const;

/**
 * The services a citizen has let Kontakta hand their login over to ("Inställningar"), and
 * withdrawing one: the next hand-over asks again. Another citizen's consent is 404.
 */
export const citizenServiceConsentRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/citizen/service-consents',
    audience: 'citizen',
    summary: 'The services the citizen lets Kontakta hand their login over to, newest consent first',
    tags: ['citizen'],
    query: ConnectedServiceListQuery,
    status: 200,
    response: ServiceConsentList,
  }),
  withdraw: defineRoute({
    method: 'DELETE',
    path: '/api/citizen/service-consents/:serviceId',
    audience: 'citizen',
    summary: 'Withdraw a consent: the service gets no more hand-overs without asking again',
    tags: ['citizen'],
    params: ServiceParams,
    status: 204,
  }),
} as const;
