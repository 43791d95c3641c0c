import type { FormDefinition } from '@kontakta/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Client, ErrandFixture } from './errand-fixture.ts';

// Helpers for the unit-administration API tests: requests with any method, and a custom form.

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A request as `client` (with its session cookie and CSRF token), or anonymous when undefined. */
export function requestAs(
  f: ErrandFixture,
  client: Client | undefined,
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return f.app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    ...(client ? { cookies: client.login.cookies } : {}),
    headers: { ...(client?.login.headers ?? {}), ...headers },
  });
}

const t = (sv: string, en: string) => ({ sv, en });

/** A travel-vaccination form, the kind of thing a unit builds itself. */
export function travelForm(extraQuestion?: string): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'single-choice',
        key: 'destination',
        label: t('Vart ska du resa?', 'Where are you travelling?'),
        required: true,
        options: [
          { value: 'europe', label: t('Inom Europa', 'Within Europe') },
          { value: 'tropics', label: t('Till tropikerna', 'To the tropics') },
        ],
      },
      { kind: 'date', key: 'departure', label: t('Avresedag', 'Departure date'), required: true },
      ...(extraQuestion
        ? [{ kind: 'short-text' as const, key: 'extra', label: t(extraQuestion, extraQuestion), required: true }]
        : []),
    ],
  };
}

export function customTypeBody(overrides: Record<string, unknown> = {}) {
  return {
    name: t('Resevaccination', 'Travel vaccination'),
    description: t('Fråga om vaccin inför en resa.', 'Ask about vaccines before a trip.'),
    citizenForm: travelForm(),
    openToProxies: false,
    citizenMayReply: true,
    ...overrides,
  };
}

/** A date some weeks ahead, `YYYY-MM-DD`. */
export function weeksAhead(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}
