import type { LoginRefusal } from '@kontakta/contract';
import { hasAcceptedAssurance } from '../../identity/assurance-level.ts';
import { OidcProviderUnavailableError, type OidcRelyingParty } from '../../identity/oidc-relying-party.ts';
import { takeLoginFlow } from '../../storage/repositories/login-flow.repository.ts';
import type { LoginAudience } from '../../storage/schema.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { logInCitizen } from './log-in-citizen.ts';
import { logInStaff } from './log-in-staff.ts';
import type { LoginOutcome } from './login-outcome.ts';
import { recordLoginEvent } from './record-login-event.ts';

export type EidRelyingParties = Readonly<Record<LoginAudience, OidcRelyingParty>>;

/**
 * The outcome, for whom, the page the citizen wanted before logging in (if any), and for the
 * operational log the kind of error (never its message).
 */
export type EidLoginResult = LoginOutcome &
  Readonly<{ audience: LoginAudience; returnPath?: string | undefined; errorKind?: string }>;

/**
 * The provider's answer comes back: the flow is taken (once only), the answer validated by the
 * OpenID client (state, issuer, PKCE, ID token signature, audience, nonce), the level of assurance
 * checked, and the identity then passes the citizen's or the staff member's login checks.
 */
export async function finishEidLogin(
  services: Services,
  parties: EidRelyingParties,
  input: { flowToken: string | undefined; callbackUrl: URL; previousSessionToken: string | undefined },
): Promise<EidLoginResult> {
  const now = services.clock();
  const flow = input.flowToken
    ? await takeLoginFlow(services.database.db, hashSessionToken(input.flowToken))
    : undefined;
  const audience: LoginAudience = flow?.audience ?? 'citizen';
  const fail = async (result: 'refused' | 'failed', reason: LoginRefusal, errorKind?: string) => {
    await recordLoginEvent(services, {
      occurred_at: now,
      audience,
      method: 'eid',
      result,
      reason,
      municipality_code: null,
    });
    return { ok: false as const, reason, audience, ...(errorKind ? { errorKind } : {}) };
  };

  // No flow: started in another browser, replayed, or the cookie was lost.
  if (!flow || flow.expires_at <= now) return fail('failed', 'expired');
  const providerError = input.callbackUrl.searchParams.get('error');
  if (providerError !== null) {
    return providerError === 'access_denied'
      ? fail('refused', 'cancelled')
      : fail('failed', 'failed', `provider:${providerError.slice(0, 40)}`);
  }

  let claims: Readonly<Record<string, unknown>>;
  const party = parties[audience];
  try {
    claims = await party.claimsFromCallback(input.callbackUrl, {
      state: flow.state,
      nonce: flow.nonce,
      codeVerifier: flow.code_verifier,
    });
  } catch (error) {
    if (error instanceof OidcProviderUnavailableError) return fail('failed', 'unavailable', error.name);
    const kind = (error as { code?: unknown }).code ?? (error as Error).name;
    return fail('failed', 'failed', String(kind).slice(0, 60));
  }

  // Before anything the e-ID asserts is used: a weaker e-ID (basic Freja, LoA 2) proves too little.
  // Its `acr` goes to the operational log (a level, not personal data), to tell a weak e-ID from a
  // provider that names its levels differently from the configured list.
  if (!hasAcceptedAssurance(claims.acr, party.settings.acceptedAcr)) {
    const acr = typeof claims.acr === 'string' ? claims.acr.slice(0, 100) : 'none';
    return fail('refused', 'insufficient-assurance', `acr:${acr}`);
  }

  const login = {
    personnummerClaim: claims[party.settings.personnummerClaim],
    previousSessionToken: input.previousSessionToken,
  };
  const outcome = audience === 'citizen' ? await logInCitizen(services, login) : await logInStaff(services, login);
  return { ...outcome, audience, ...(flow.return_path ? { returnPath: flow.return_path } : {}) };
}
