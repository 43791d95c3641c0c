import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { dropProviderSession } from './service-provider.plugin.ts';

describe("the provider's own session is never kept", () => {
  const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

  it('drops _session and its signature, keeps every other cookie', () => {
    const raw = request('_session=a; _session.sig=b; _session.legacy=c; _interaction_resume=d; kontakta_session=e');
    dropProviderSession(raw);
    expect(raw.headers.cookie).toBe('_interaction_resume=d; kontakta_session=e');
  });

  it('removes the header when nothing is left, and leaves a request without cookies alone', () => {
    const raw = request('_session=a');
    dropProviderSession(raw);
    expect(raw.headers.cookie).toBeUndefined();
    const none = request();
    dropProviderSession(none);
    expect(none.headers).toEqual({});
  });

  it('keeps cookies whose names only begin like it', () => {
    const raw = request('_sessionx=a; my_session=b');
    dropProviderSession(raw);
    expect(raw.headers.cookie).toBe('_sessionx=a; my_session=b');
  });
});
