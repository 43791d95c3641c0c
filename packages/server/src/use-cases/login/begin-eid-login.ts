import { safeReturnPath } from '@kontakta/contract';
import type { OidcRelyingParty } from '../../identity/oidc-relying-party.ts';
import { newAuthorizationChecks } from '../../identity/oidc-relying-party.ts';
import { deleteExpiredLoginFlows, insertLoginFlow } from '../../storage/repositories/login-flow.repository.ts';
import type { LoginAudience } from '../../storage/schema.ts';
import type { Services } from '../services.ts';
import { hashSessionToken, newSessionToken } from '../sessions/session-tokens.ts';

/** Long enough to find one's phone and open BankID; short enough that a stolen cookie soon means nothing. */
export const LOGIN_FLOW_TTL_MS = 10 * 60_000;

/**
 * Starts an e-ID login: state, nonce and PKCE verifier are kept server-side under a random token
 * (the browser gets only the token, in a cookie), and the provider's address to redirect to.
 * A citizen's page to return to is kept with the flow if it is a safe same-site path; anything else
 * is dropped (the login then ends on the start page).
 */
export async function beginEidLogin(
  services: Services,
  relyingParty: OidcRelyingParty,
  audience: LoginAudience,
  returnTo?: string,
): Promise<{ flowToken: string; redirectUrl: string }> {
  const now = services.clock();
  const checks = newAuthorizationChecks();
  const redirectUrl = await relyingParty.authorizationUrl(checks);
  const flowToken = newSessionToken();
  await deleteExpiredLoginFlows(services.database.db, now);
  await insertLoginFlow(services.database.db, {
    id_hash: hashSessionToken(flowToken),
    audience,
    state: checks.state,
    nonce: checks.nonce,
    code_verifier: checks.codeVerifier,
    created_at: now,
    expires_at: now + LOGIN_FLOW_TTL_MS,
    return_path: audience === 'citizen' ? (safeReturnPath(returnTo) ?? null) : null,
  });
  return { flowToken, redirectUrl };
}
