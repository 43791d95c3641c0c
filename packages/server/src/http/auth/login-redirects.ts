import { type LoginRefusal, safeReturnPath } from '@kontakta/contract';
import type { LoginNext } from '../../use-cases/login/login-outcome.ts';

// Where the browser lands after an e-ID login: pages of the web app. A refusal carries only its
// code, never anything about the person, since addresses end up in histories and proxy logs.

const NEXT: Readonly<Record<LoginNext, string>> = {
  'citizen-start': '/',
  'staff-start': '/personal',
  'choose-unit': '/personal/valj-mottagning',
};

/**
 * A citizen who was on their way to a page (a bookmark, a link in a notification) lands there; the
 * path was checked before it was stored with the login flow and is checked again here, so nothing
 * but a same-site page is ever a redirect target.
 */
export function afterLogin(next: LoginNext, returnPath?: string): string {
  if (next === 'citizen-start') return safeReturnPath(returnPath) ?? NEXT[next];
  return NEXT[next];
}

export function afterRefusal(audience: 'citizen' | 'staff', reason: LoginRefusal): string {
  const page = audience === 'staff' ? '/personal/inloggning/nekad' : '/inloggning/nekad';
  return `${page}?orsak=${encodeURIComponent(reason)}`;
}
