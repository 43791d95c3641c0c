import type { CitizenActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';

/**
 * How recent a login must be for changing where notifications go. Whoever takes over a session
 * left open (a shared computer, a stolen session cookie) could otherwise send the citizen's
 * notifications to themselves and hide that anything happened; a fresh login proves the person
 * is at the keyboard now. The same for e-ID and password + SMS sessions: the latter also proved
 * a phone at login, and refusing them outright would leave their owners without any way to
 * change an address.
 */
export const RECENT_LOGIN_MS = 10 * 60_000;

/** Throws `recent-login-required` (403) unless the session's login is at most RECENT_LOGIN_MS old. */
export function requireRecentLogin(actor: CitizenActor, now: number): void {
  if (actor.loggedInAt === undefined || now - actor.loggedInAt > RECENT_LOGIN_MS) {
    throw new AppError('recent-login-required');
  }
}
