import type { LoginRefusal } from '@kontakta/contract';
import type { LoginNext } from '../../use-cases/login/login-outcome.ts';

// Where the browser lands after an e-ID login: pages of the web app. A refusal carries only its
// code, never anything about the person, since addresses end up in histories and proxy logs.

const NEXT: Readonly<Record<LoginNext, string>> = {
  'citizen-start': '/',
  'staff-start': '/personal',
  'choose-unit': '/personal/valj-mottagning',
};

export function afterLogin(next: LoginNext): string {
  return NEXT[next];
}

export function afterRefusal(audience: 'citizen' | 'staff', reason: LoginRefusal): string {
  const page = audience === 'staff' ? '/personal/inloggning/nekad' : '/inloggning/nekad';
  return `${page}?orsak=${encodeURIComponent(reason)}`;
}
