import type { Route } from '../route.ts';
import * as groups from './groups.ts';

// Every endpoint of the API, by group. A test holds the server to this table: every route here is
// registered, and every /api route the server has is here.
export * from './groups.ts';

export const ROUTE_GROUPS: Readonly<Record<string, Readonly<Record<string, Route>>>> = groups;

export function allRoutes(): Route[] {
  return Object.values(ROUTE_GROUPS).flatMap((group) => Object.values(group));
}

let operationIds: Map<Route, string> | undefined;

/**
 * A route's stable OpenAPI operation id, from its group and name: `citizenCalendarListMonth` for
 * `citizenCalendarRoutes.listMonth`. Client generators name their functions by it.
 */
export function operationIdOf(route: Route): string {
  operationIds ??= new Map(
    Object.entries(ROUTE_GROUPS).flatMap(([group, routes]) =>
      Object.entries(routes).map(
        ([name, each]) => [each, `${group.replace(/Routes$/, '')}${name[0]?.toUpperCase()}${name.slice(1)}`] as const,
      ),
    ),
  );
  const id = operationIds.get(route);
  if (!id) throw new Error(`${route.method} ${route.path} is not in ROUTE_GROUPS`);
  return id;
}
