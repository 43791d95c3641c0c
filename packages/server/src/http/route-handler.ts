import { operationIdOf, type Route, type RouteAudience, type RouteInput, type RouteOutput } from '@kontakta/contract';
import type { Actor, CitizenActor, StaffActor } from '@kontakta/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { requireActor, requireCitizen, requireStaff } from './sessions.ts';

type ActorFor<A extends RouteAudience> = A extends 'citizen'
  ? CitizenActor
  : A extends 'staff'
    ? StaffActor
    : A extends 'session'
      ? Actor
      : undefined;

/** What a handler gets: the validated input, typed from the route, and the actor its audience allows. */
export type HandlerInput<R extends Route> = RouteInput<R> & {
  actor: ActorFor<R['audience']>;
  request: FastifyRequest;
  reply: FastifyReply;
};

const GUARDS: Record<RouteAudience, (request: FastifyRequest) => Actor | undefined> = {
  public: () => undefined,
  session: requireActor,
  citizen: requireCitizen,
  staff: requireStaff,
};

/**
 * Registers a contract route: its schemas validate the input and whitelist the answer (plus the
 * problem body for every error), its audience's guard runs first, and the handler's input and
 * output are the route's own types, so no handler casts what it is given.
 */
export function handle<R extends Route>(
  app: FastifyInstance,
  route: R,
  handler: (input: HandlerInput<R>) => Promise<RouteOutput<R>>,
): void {
  const response =
    route.status === 303
      ? Type.Null({ description: 'A redirect; see the Location header.' })
      : route.status === 204
        ? Type.Null()
        : (route.response ?? Type.Null());
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      tags: [...route.tags],
      summary: route.summary,
      operationId: operationIdOf(route),
      // What a caller must send (see the security schemes in app.ts): nothing for public routes.
      ...(route.audience === 'public' ? { security: [] } : { security: [securityFor(route)] }),
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.headers ? { headers: route.headers } : {}),
      response: { [route.status]: successResponse(route, response), ...PROBLEM_RESPONSES },
    },
    handler: async (request, reply) => {
      const actor = GUARDS[route.audience](request);
      // The schemas above have validated these; here they take the route's types, once for all routes.
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        actor,
        request,
        reply,
      } as unknown as HandlerInput<R>;
      const result = await handler(input);
      // A redirect's handler has sent it (reply.redirect) already.
      if (route.status === 303) return reply;
      reply.code(route.status);
      if (route.contentType) reply.type(route.contentType);
      return route.status === 204 ? reply.send() : reply.send(result);
    },
  });
}

/**
 * Every error is a problem (RFC 9457) in its own media type. The schema is the one registered
 * under its `$id` (app.ts), so the OpenAPI document names it once (`#/components/schemas/Problem`)
 * and the serializer still sends only the fields it lists. Fastify picks the serializer by the
 * reply's media type, which sendProblem sets.
 */
const problemResponse = {
  description: 'A problem (RFC 9457): `code` says which, `errors` which fields.',
  content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
};
export const PROBLEM_RESPONSES = { '4xx': problemResponse, '5xx': problemResponse };

/** A success answer in another media type than JSON (an iCalendar file, FHIR) is declared as that. */
function successResponse(route: Route, schema: TSchema): TSchema | object {
  if (!route.contentType) return schema;
  return {
    description: 'description' in schema && typeof schema.description === 'string' ? schema.description : route.summary,
    content: { [route.contentType]: { schema } },
  };
}

/** The session cookie always; the CSRF header too for changes. */
function securityFor(route: Route): Record<string, string[]> {
  return route.method === 'GET' ? { session: [] } : { session: [], csrf: [] };
}
