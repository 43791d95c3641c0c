import type { Static, TSchema } from 'typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: the server puts the audience's guard in front of its handler. `public`
 * needs no session; `session` any logged-in person; `citizen` and `staff` that kind of session
 * (anyone else gets 404, so the route's existence stays hidden from the other audience).
 */
export type RouteAudience = 'public' | 'session' | 'citizen' | 'staff';

/**
 * One endpoint, defined once: the server registers it from this (schemas validate the input and
 * whitelist the answer), the web app calls it through it, and the OpenAPI document is built from it.
 */
export type Route = Readonly<{
  method: HttpMethod;
  path: `/api/${string}`;
  audience: RouteAudience;
  summary: string;
  tags: readonly string[];
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** Request headers the route reads (e.g. `Idempotency-Key`); checked, not part of the caller's input. */
  headers?: TSchema;
  /** The success status; 204 has no body; 303 is a redirect the handler sends (Location). */
  status: 200 | 201 | 204 | 303;
  /** The success answer's schema: only what it names reaches the caller. */
  response?: TSchema;
  /** For an answer that is not JSON (an iCalendar file, FHIR): its media type. */
  contentType?: string;
}>;

/** Keeps the literal types of a definition, so input and output types follow from it. */
export function defineRoute<const R extends Route>(route: R): R {
  return route;
}

type Part<R extends Route, K extends 'params' | 'query' | 'body'> = R[K] extends TSchema
  ? { [P in K]: Static<R[K]> }
  : { [P in K]?: undefined };

/** What a caller gives: the route's params, query and body, each only where the route has one. */
export type RouteInput<R extends Route> = Part<R, 'params'> & Part<R, 'query'> & Part<R, 'body'>;

/** What a caller gets back on success. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler of a route without a body returns nothing (Promise<void>).
export type RouteOutput<R extends Route> = R['response'] extends TSchema ? Static<R['response']> : void;

/** The address of a route for given params, e.g. `/api/staff/errands/:id` → `/api/staff/errands/42`. */
export function routePath(route: Route, params: Readonly<Record<string, unknown>> | undefined): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${route.path}: missing parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
