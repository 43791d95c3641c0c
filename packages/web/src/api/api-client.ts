import {
  IDEMPOTENCY_KEY_HEADER,
  type Problem,
  type Route,
  type RouteInput,
  type RouteOutput,
  routePath,
} from '@kontakta/contract';

/**
 * The one way the web app talks to the Kontakta server. Every call is same-origin (the session
 * cookie rides along), JSON in and out, and never cached by the browser: answers may carry
 * personal data, which must not stay on the citizen's computer.
 */
export class ApiError extends Error {
  readonly status: number;
  /** The server's problem+json body, when it sent one; branch on `problem.code`, never on text. */
  readonly problem: Problem | undefined;
  /** From the `Retry-After` header of a 429 or 503: how many seconds to wait before asking again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfterSeconds?: number) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type RequestOptions = Readonly<{
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` (see submission-key.ts): the server does the change only once. */
  idempotencyKey?: string;
}>;

/** What the server's answer says about the session, for the idle-timeout clock. */
export type ServerContact = Readonly<{
  /** When the answer arrived, by the browser's clock. */
  receivedAt: number;
  /** The server's clock at the answer (its `Date` header), when it sent one. */
  serverNow: number | undefined;
}>;

type Listeners = Readonly<{
  /** A request reached the server with the session: the server counts it as activity. */
  activity: Set<(contact: ServerContact) => void>;
  /** The server says there is no session (any more): it ended or was never there. */
  sessionEnded: Set<() => void>;
}>;

const listeners: Listeners = { activity: new Set(), sessionEnded: new Set() };

// Kept in memory only (never in storage): it is sent as `X-CSRF-Token` on every change and comes
// from `GET /api/session`, so a reload simply asks for it again.
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function onServerActivity(listener: (contact: ServerContact) => void): () => void {
  listeners.activity.add(listener);
  return () => listeners.activity.delete(listener);
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.sessionEnded.add(listener);
  return () => listeners.sessionEnded.delete(listener);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls a contract route: the address comes from the route and its params, the answer has the
 * route's type. `options` add what is not part of the route's input (abort, idempotency key).
 */
export async function call<R extends Route>(
  route: R,
  input: RouteInput<R>,
  options: Pick<RequestOptions, 'signal' | 'idempotencyKey'> = {},
): Promise<RouteOutput<R>> {
  return apiRequest<RouteOutput<R>>(addressOf(route, input), { ...options, method: route.method, body: input.body });
}

/** Like `call`, but also gives the server's clock at the answer (the session clock needs it). */
export async function callWithContact<R extends Route>(
  route: R,
  input: RouteInput<R>,
): Promise<{ body: RouteOutput<R>; contact: ServerContact }> {
  return apiRequestWithContact<RouteOutput<R>>(addressOf(route, input), { method: route.method, body: input.body });
}

/** The address of a route with its params and query, e.g. for a download link. */
export function addressOf<R extends Route>(route: R, input: RouteInput<R>): `/api/${string}` {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const path = routePath(route, input.params as Record<string, unknown> | undefined) as `/api/${string}`;
  return query.size > 0 ? `${path}?${query}` : path;
}

export async function apiRequest<T>(path: `/api/${string}`, options: RequestOptions = {}): Promise<T> {
  const { response } = await apiExchange(path, options);
  if (response.status === 204) {
    // Read the empty body to its end: a caller that navigates next (the logout's reload) would
    // otherwise cut the finished request short in the browser's eyes.
    await response.arrayBuffer();
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** Like `apiRequest`, but also gives the server's clock at the answer (the session clock needs it). */
export async function apiRequestWithContact<T>(
  path: `/api/${string}`,
  options: RequestOptions = {},
): Promise<{ body: T; contact: ServerContact }> {
  const { response, contact } = await apiExchange(path, options);
  return { body: (await response.json()) as T, contact };
}

async function apiExchange(
  path: `/api/${string}`,
  options: RequestOptions,
): Promise<{ response: Response; contact: ServerContact }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    credentials: 'same-origin',
    cache: 'no-store',
    signal: options.signal ?? null,
  });
  const date = response.headers.get('date');
  const serverNow = date ? Date.parse(date) : Number.NaN;
  const contact: ServerContact = {
    receivedAt: Date.now(),
    serverNow: Number.isFinite(serverNow) ? serverNow : undefined,
  };
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem?.code === 'not-authenticated') for (const listener of listeners.sessionEnded) listener();
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(response.status, problem, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  for (const listener of listeners.activity) listener(contact);
  return { response, contact };
}

async function problemFrom(response: Response): Promise<Problem | undefined> {
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** True when the error is the server saying "not found" (also what it says for "not yours"). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
