import type { Problem } from '@kontakta/contract';

/**
 * The one way the web app talks to the Kontakta server. Every call is same-origin (the session
 * cookie rides along), JSON in and out, and never cached by the browser: answers may carry
 * personal data, which must not stay on the citizen's computer.
 */
export class ApiError extends Error {
  readonly status: number;
  /** The server's problem+json body, when it sent one; branch on `problem.code`, never on text. */
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

type RequestOptions = Readonly<{
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}>;

export async function apiRequest<T>(path: `/api/${string}`, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    credentials: 'same-origin',
    cache: 'no-store',
    signal: options.signal ?? null,
  });
  if (!response.ok) throw new ApiError(response.status, await problemFrom(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problemFrom(response: Response): Promise<Problem | undefined> {
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}
