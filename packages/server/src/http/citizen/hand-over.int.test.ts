import { createHash, randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { demoRegions, regionSession } from '../../testing/region-session.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Kontakta as OpenID Provider for connected services (issue 16 point 2): a real code flow with
// PKCE against /oidc, driven request by request. The citizen's Kontakta session decides who is
// handed over; consent is asked the first time and remembered; only approved claims are issued,
// under a pairwise subject; the client secret is checked against its stored hash.
describe.each(DIALECTS)('login hand-over to a connected service on %s', (dialect) => {
  let f: ErrandFixture;
  let region: Client;
  let citizen: Client;
  let other: Client;
  const redirectUri = 'https://provsvar.example.se/callback';
  type Registered = { id: string; clientId: string; secret: string };
  const services = {} as { name: Registered; pnr: Registered };

  async function register(name: string, claims: string[]) {
    const response = await region.post('/api/region/services', {
      name: { sv: name, en: name },
      description: { sv: 'Provsvar.', en: 'Test results.' },
      url: 'https://provsvar.example.se/',
      units: [f.unit],
      handOver: { redirectUris: [redirectUri], claims },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    return {
      id: body.service.id as string,
      clientId: body.service.handOver.clientId as string,
      secret: body.clientSecret as string,
    };
  }

  /** A browser's cookies for the provider's paths (its own, not Kontakta's session). */
  function jar() {
    const cookies: Record<string, string> = {};
    return {
      cookies,
      take(response: LightMyRequestResponse) {
        for (const c of response.cookies) {
          if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete cookies[c.name];
          else cookies[c.name] = c.value;
        }
      },
    };
  }

  /** A request from the citizen's web app in the browser that started the flow (its cookies too). */
  function fromBrowser(
    as: Client,
    browser: ReturnType<typeof jar>,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse> {
    return f.app.inject({
      method,
      url,
      cookies: { ...browser.cookies, ...as.login.cookies },
      headers: as.login.headers,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }

  /** Runs the flow up to the hand-over page; returns the interaction's uid and the browser's cookies. */
  async function authorize(clientId: string, scope = 'openid profile personnummer') {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const query = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope,
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const browser = jar();
    const started = await f.app.inject({ method: 'GET', url: `/oidc/auth?${query}` });
    expect(started.statusCode, started.body).toBe(303);
    browser.take(started);
    const location = started.headers.location as string;
    expect(location).toMatch(/^\/e-tjanst\/[A-Za-z0-9_-]+$/);
    return { uid: location.split('/').pop() as string, browser, verifier, state, nonce };
  }

  /** Follows the provider's resume address back to the service; returns the code. */
  async function resume(redirectTo: string, browser: ReturnType<typeof jar>) {
    const url = new URL(redirectTo);
    expect(url.pathname.startsWith('/oidc/auth/')).toBe(true);
    const back = await f.app.inject({ method: 'GET', url: url.pathname, cookies: browser.cookies });
    expect(back.statusCode, back.body).toBe(303);
    return new URL(back.headers.location as string);
  }

  async function token(clientId: string, secret: string, code: string, verifier: string) {
    return f.app.inject({
      method: 'POST',
      url: '/oidc/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }).toString(),
    });
  }

  function idTokenClaims(response: LightMyRequestResponse): Record<string, unknown> {
    const idToken = response.json().id_token as string;
    return JSON.parse(Buffer.from(idToken.split('.')[1] as string, 'base64url').toString('utf8'));
  }

  async function handOver(as: Client, clientId: string, secret: string) {
    const flow = await authorize(clientId);
    const opened = await fromBrowser(as, flow.browser, 'GET', `/api/citizen/hand-overs/${flow.uid}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const view = opened.json();
    const answered = await fromBrowser(as, flow.browser, 'POST', `/api/citizen/hand-overs/${flow.uid}`, {
      accept: true,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const callback = await resume(answered.json().redirectTo, flow.browser);
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(flow.state);
    const tokens = await token(clientId, secret, callback.searchParams.get('code') as string, flow.verifier);
    expect(tokens.statusCode, tokens.body).toBe(200);
    const claims = idTokenClaims(tokens);
    expect(claims.nonce).toBe(flow.nonce);
    return { view, claims };
  }

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    const { regionCode } = await demoRegions(f);
    region = await regionSession(f, f.personas.staff.regionAdministrator.hsaId, regionCode);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    other = await f.citizen(f.personas.citizens.tolvan.personnummer);
    services.name = await register('Provsvar', ['name']);
    services.pnr = await register('Journalen', ['name', 'personnummer']);
  });
  afterAll(async () => f.close());

  it('asks the first time, then hands over only the approved claims under a pairwise subject; remembered next time', async () => {
    const first = await handOver(citizen, services.name.clientId, services.name.secret);
    expect(first.view).toEqual({
      service: { name: { sv: 'Provsvar', en: 'Provsvar' }, description: expect.any(Object), url: expect.any(String) },
      claims: ['name'],
      remembered: false,
    });
    expect(first.claims).toMatchObject({ aud: services.name.clientId, name: expect.any(String) });
    expect(first.claims).not.toHaveProperty('personnummer');
    expect(String(first.claims.sub)).not.toContain(f.personas.citizens.adult.personnummer);
    expect(JSON.stringify(first.claims)).not.toContain(f.personas.citizens.adult.personnummer);

    const second = await handOver(citizen, services.name.clientId, services.name.secret);
    expect(second.view.remembered).toBe(true);
    expect(second.claims.sub).toBe(first.claims.sub);

    // Another service knows the same citizen by another subject, and gets the personnummer it is approved for.
    const withPnr = await handOver(citizen, services.pnr.clientId, services.pnr.secret);
    expect(withPnr.view.claims).toEqual(['name', 'personnummer']);
    expect(withPnr.claims.personnummer).toBe(f.personas.citizens.adult.personnummer);
    expect(withPnr.claims.sub).not.toBe(first.claims.sub);

    // Another citizen in the same browser is handed over as themselves (the provider keeps no session).
    const otherCitizen = await handOver(other, services.name.clientId, services.name.secret);
    expect(otherCitizen.view.remembered).toBe(false);
    expect(otherCitizen.claims.sub).not.toBe(first.claims.sub);

    const recorded = await f.database.db.selectFrom('connected_service_hand_over').select('claims').execute();
    expect(recorded).toHaveLength(4);
  });

  it('refuses a wrong client secret, and a code used twice', async () => {
    const flow = await authorize(services.name.clientId);
    const answered = await fromBrowser(citizen, flow.browser, 'POST', `/api/citizen/hand-overs/${flow.uid}`, {
      accept: true,
    });
    const code = (await resume(answered.json().redirectTo, flow.browser)).searchParams.get('code') as string;
    const wrong = await token(services.name.clientId, `${services.name.secret}x`, code, flow.verifier);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    const hashAsSecret = createHash('sha256').update(services.name.secret).digest('hex');
    expect((await token(services.name.clientId, hashAsSecret, code, flow.verifier)).statusCode).toBe(401);
  });

  it('hands nothing over when the citizen declines', async () => {
    const flow = await authorize(services.pnr.clientId);
    const before = await f.database.db.selectFrom('connected_service_hand_over').select('id').execute();
    const answered = await fromBrowser(other, flow.browser, 'POST', `/api/citizen/hand-overs/${flow.uid}`, {
      accept: false,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const callback = await resume(answered.json().redirectTo, flow.browser);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
    expect(await f.database.db.selectFrom('connected_service_hand_over').select('id').execute()).toEqual(before);
  });

  it('forgets consents when the hand-over is switched off, and asks again when it is back', async () => {
    const once = await register('Vaccinationer', ['name']);
    expect((await handOver(citizen, once.clientId, once.secret)).view.remembered).toBe(false);
    expect((await handOver(citizen, once.clientId, once.secret)).view.remembered).toBe(true);
    const body = (handOverOn: unknown) => ({
      name: { sv: 'Vaccinationer', en: 'Vaccinations' },
      description: { sv: 'Provsvar.', en: 'Test results.' },
      url: 'https://provsvar.example.se/',
      units: [f.unit],
      handOver: handOverOn,
    });
    expect((await region.put(`/api/region/services/${once.id}`, body(null))).statusCode).toBe(200);
    const unknown = await f.app.inject({
      method: 'GET',
      url: `/oidc/auth?client_id=${once.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=openid`,
    });
    expect(unknown.statusCode).toBe(400);
    const back = await region.put(
      `/api/region/services/${once.id}`,
      body({ redirectUris: [redirectUri], claims: ['name'] }),
    );
    const renewed = { ...once, clientId: back.json().service.handOver.clientId, secret: back.json().clientSecret };
    expect((await handOver(citizen, renewed.clientId, renewed.secret)).view.remembered).toBe(false);
  });

  it('refuses the hand-over endpoints: 401 without a login, 404 for staff and unknown requests, 400 for a bad body', async () => {
    const flow = await authorize(services.name.clientId);
    const url = `/api/citizen/hand-overs/${flow.uid}`;
    expect((await f.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await region.get(url)).statusCode).toBe(404);
    expect((await citizen.get('/api/citizen/hand-overs/no-such-request')).statusCode).toBe(404);
    expect((await citizen.post('/api/citizen/hand-overs/no-such-request', { accept: true })).statusCode).toBe(404);
    expect((await fromBrowser(citizen, flow.browser, 'POST', url, { accept: 'yes' })).statusCode).toBe(400);
    expect((await fromBrowser(citizen, flow.browser, 'POST', url, { accept: true, extra: 1 })).statusCode).toBe(400);
    // Someone else's request, sent as a link to be answered by a victim: not found from their browser.
    const handedOver = async () =>
      (await f.database.db.selectFrom('connected_service_hand_over').select('id').execute()).length;
    const before = await handedOver();
    expect((await citizen.get(url)).statusCode).toBe(404);
    expect((await citizen.post(url, { accept: true })).statusCode).toBe(404);
    const elsewhere = await authorize(services.name.clientId);
    expect((await fromBrowser(citizen, elsewhere.browser, 'GET', url)).statusCode).toBe(404);
    expect(await handedOver()).toBe(before);
    // A service whose hand-over was switched off is no client any more.
    const unknown = await f.app.inject({
      method: 'GET',
      url: `/oidc/auth?client_id=nobody&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=openid`,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('publishes its discovery document under the installation’s public URL', async () => {
    const discovery = await f.app.inject({ method: 'GET', url: '/oidc/.well-known/openid-configuration' });
    expect(discovery.statusCode).toBe(200);
    const document = discovery.json();
    expect(document.issuer).toBe(`${f.services.config.publicUrl}/oidc`);
    expect(document.code_challenge_methods_supported).toEqual(['S256']);
    expect(document.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic']);
  });

  it('lists the citizen’s consents and withdraws one: asked again next time, the provider’s grant and tokens gone, recorded', async () => {
    const recept = await register('Recept', ['name']);
    const first = await handOver(citizen, recept.clientId, recept.secret);
    const subject = String(first.claims.sub);
    const providerRows = async () =>
      (await f.database.db.selectFrom('oidc_payload').select('payload').execute()).filter((row) =>
        row.payload.includes(subject),
      ).length;
    expect(await providerRows()).toBeGreaterThan(0);

    const listed = await citizen.get('/api/citizen/service-consents');
    expect(listed.statusCode, listed.body).toBe(200);
    const mine = listed.json().items.find((item: { serviceId: string }) => item.serviceId === recept.id);
    expect(mine).toEqual({
      serviceId: recept.id,
      service: { name: { sv: 'Recept', en: 'Recept' }, url: 'https://provsvar.example.se/' },
      claims: ['name'],
      grantedAt: expect.any(Number),
      lastHandOverAt: expect.any(Number),
    });
    // Another citizen sees only their own.
    const theirs = (await other.get('/api/citizen/service-consents')).json().items;
    expect(theirs.map((item: { serviceId: string }) => item.serviceId)).not.toContain(recept.id);

    // Refusals: not logged in 401, staff 404, another citizen's consent 404, a consent that is none 404, bad id 400.
    const url = `/api/citizen/service-consents/${recept.id}`;
    expect((await f.app.inject({ method: 'GET', url: '/api/citizen/service-consents' })).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'DELETE', url })).statusCode).toBe(401);
    expect((await region.get('/api/citizen/service-consents')).statusCode).toBe(404);
    expect((await region.delete(url)).statusCode).toBe(404);
    expect((await other.delete(url)).statusCode).toBe(404);
    expect(
      (await citizen.delete('/api/citizen/service-consents/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await citizen.delete('/api/citizen/service-consents/not_an*id')).statusCode).toBe(400);
    const consents = () =>
      f.database.db
        .selectFrom('connected_service_consent')
        .select('citizen_id')
        .where('service_id', '=', recept.id)
        .execute();
    expect(await consents()).toHaveLength(1);

    const withdrawn = await citizen.delete(url);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect(await consents()).toEqual([]);
    expect(await providerRows()).toBe(0);
    const after = (await citizen.get('/api/citizen/service-consents')).json().items;
    expect(after.map((item: { serviceId: string }) => item.serviceId)).not.toContain(recept.id);
    const events = await f.database.db
      .selectFrom('connected_service_consent_event')
      .selectAll()
      .where('service_id', '=', recept.id)
      .execute();
    expect(events).toEqual([expect.objectContaining({ kind: 'withdrawn', claims: JSON.stringify(['name']) })]);
    expect((await citizen.delete(url)).statusCode).toBe(404);

    // The next hand-over asks again, and the service knows the citizen by a new subject.
    const again = await handOver(citizen, recept.clientId, recept.secret);
    expect(again.view.remembered).toBe(false);
    expect(again.claims.sub).not.toBe(subject);
  });

  it('pages the citizen’s consents newest first, and refuses a bad cursor naming the field', async () => {
    const all = (await citizen.get('/api/citizen/service-consents?limit=100')).json();
    expect(all.items.length).toBeGreaterThan(1);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${cursor}` : 'limit=1';
      const page = (await citizen.get(`/api/citizen/service-consents?${query}`)).json();
      walked.push(...page.items.map((item: { serviceId: string }) => item.serviceId));
      cursor = page.nextCursor;
    } while (cursor && walked.length < 50);
    expect(walked).toEqual(all.items.map((item: { serviceId: string }) => item.serviceId));
    const granted = all.items.map((item: { grantedAt: number }) => item.grantedAt);
    expect(granted).toEqual([...granted].sort((a, b) => b - a));
    const bad = await citizen.get('/api/citizen/service-consents?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await citizen.get('/api/citizen/service-consents?limit=0')).statusCode).toBe(400);
  });
});
