import type { Route } from '../route.ts';
import { citizenCalendarRoutes } from './citizen-calendar.routes.ts';

// Every endpoint of the API, by group. A test holds the server to this table: every route here is
// registered, and every /api route the server has is here.
export { citizenCalendarRoutes };

export const ROUTE_GROUPS = { citizenCalendarRoutes } as const;

export function allRoutes(): Route[] {
  return Object.values(ROUTE_GROUPS).flatMap((group) => Object.values(group) as Route[]);
}
