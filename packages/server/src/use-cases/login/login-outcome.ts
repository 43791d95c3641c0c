import type { LoginRefusal } from '@kontakta/contract';

/** Where the browser goes after a successful e-ID login. */
export type LoginNext = 'citizen-start' | 'staff-start' | 'choose-unit';

export type SessionTokens = Readonly<{ token: string; csrfToken: string }>;

export type LoginOutcome =
  | Readonly<{ ok: true; session: SessionTokens; next: LoginNext }>
  | Readonly<{ ok: false; reason: LoginRefusal }>;

export function refused(reason: LoginRefusal): LoginOutcome {
  return { ok: false, reason };
}
