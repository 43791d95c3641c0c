import type { DatabaseConfig } from '../../packages/server/src/config/config.ts';

// What the benchmark asks the load generator process to do, and what it reports back.

export type PreparedRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Status codes that count as success besides 2xx (none by default). */
  expect?: number[];
};

/** As many requests as `connections` keep-alive connections can make (autocannon), for `seconds`. */
export type ClosedLoopSpec = {
  kind: 'closed';
  url: string;
  connections: number;
  seconds: number;
  requests: PreparedRequest[];
};

/** Requests sent at fixed average rates whatever the answers' speed (open loop), for `seconds`. */
export type OpenLoopSpec = {
  kind: 'open';
  url: string;
  seconds: number;
  streams: Array<{ name: string; rate: number; requests: PreparedRequest[] }>;
  /** Complete e-ID logins through the development provider, started at `rate` per second. */
  logins?: { rate: number; subjects: string[] };
};

/** Complete e-ID logins, `concurrency` at a time, for `seconds` (closed loop). */
export type LoginSpec = { kind: 'logins'; url: string; concurrency: number; seconds: number; subjects: string[] };

/**
 * Complete password + SMS code logins, `concurrency` at a time (each with people of its own, so a
 * code is never mistaken for another's). The code is read where the SMS would have been sent from:
 * the outbox, in the server's database.
 */
export type PasswordLoginSpec = {
  kind: 'password-logins';
  url: string;
  concurrency: number;
  seconds: number;
  password: string;
  people: Array<{ personnummer: string; mobile: string }>;
  database: DatabaseConfig;
};

export type LoadSpec = ClosedLoopSpec | OpenLoopSpec | LoginSpec | PasswordLoginSpec;

export type StreamResult = {
  name: string;
  /** Successful requests (or logins) per second over the run. */
  rate: number;
  /** For open loop: the rate asked for. */
  targetRate?: number;
  count: number;
  errors: number;
  /** Milliseconds; for open loop measured from when the request was due, so queueing counts. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  statusCounts: Record<string, number>;
  firstError?: string;
};

export type LoadResult = {
  streams: StreamResult[];
  /** Per login, on average: ms in Kontakta's endpoints (start, callback with the token exchange), ms on the provider's pages, HTTP hops. */
  loginSplit?: { kontaktaMs: number; providerMs: number; hops: number };
  /** CPU seconds the load generator itself used, to judge how much it took from the server. */
  loadCpuSeconds: number;
  seconds: number;
  /** How late the load generator's own event loop ran, in ms. */
  loopDelay?: { p99: number; max: number };
};
