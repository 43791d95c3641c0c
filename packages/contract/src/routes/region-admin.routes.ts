import {
  RegionAdminChangeList,
  RegionAdminChangeQuery,
  RegionOffering,
  RegionOfferingBody,
  RegionUnitList,
} from '../region-admin.schema.ts';
import { defineRoute } from '../route.ts';

// A regional administrator's routes. The region is the session's (chosen at login, like a unit),
// so no address names it: staff without a region session get 404, staff in a region session
// without the role 403; the server refuses before the body is read.

const tags = ['region'];

export const regionAdminRoutes = {
  listUnits: defineRoute({
    method: 'GET',
    path: '/api/region/units',
    audience: 'staff',
    summary: "The region's units with what they offer and their main settings",
    tags,
    status: 200,
    response: RegionUnitList,
  }),
  showOffering: defineRoute({
    method: 'GET',
    path: '/api/region/errand-types',
    audience: 'staff',
    summary: "The region's base offering: which national errand types its units may offer, and their defaults",
    tags,
    status: 200,
    response: RegionOffering,
  }),
  changeOffering: defineRoute({
    method: 'PUT',
    path: '/api/region/errand-types',
    audience: 'staff',
    summary: 'Change the base offering (every national type once); each change goes to the change record',
    tags,
    body: RegionOfferingBody,
    status: 200,
    response: RegionOffering,
  }),
  listChanges: defineRoute({
    method: 'GET',
    path: '/api/region/changes',
    audience: 'staff',
    summary: "Who changed the region's base offering and when, newest first",
    tags,
    query: RegionAdminChangeQuery,
    status: 200,
    response: RegionAdminChangeList,
  }),
} as const;
