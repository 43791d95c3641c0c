import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from './api-client.ts';
import { createSubmissionKeys, retryWhileInProgress } from './submission-key.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const failing = () => Promise.reject(new Error('network'));

describe('submission keys', () => {
  it('gives each submission a new random key', async () => {
    const keys = createSubmissionKeys();
    const first = await keys.submit('/api/x', { a: 1 }, async (key) => key);
    const second = await keys.submit('/api/x', { a: 1 }, async (key) => key);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    // Confirmed once: the same content again is a new errand, answer or reply.
    expect(second).not.toBe(first);
  });

  it('keeps the key while the same submission is tried again before it is confirmed', async () => {
    const keys = createSubmissionKeys();
    const seen: string[] = [];
    const attempt = (body: unknown) =>
      keys.submit('/api/x', body, (key) => {
        seen.push(key);
        return failing();
      });
    await expect(attempt({ a: 1 })).rejects.toThrow('network');
    await expect(attempt({ a: 1 })).rejects.toThrow('network');
    expect(await keys.submit('/api/x', { a: 1 }, async (key) => key)).toBe(seen[0]);
    expect(seen[1]).toBe(seen[0]);
  });

  it('gives changed content, or another address, a new key', async () => {
    const keys = createSubmissionKeys();
    let first = '';
    await expect(
      keys.submit('/api/x', { a: 1 }, (key) => {
        first = key;
        return failing();
      }),
    ).rejects.toThrow();
    const changed = await keys.submit('/api/x', { a: 2 }, async (key) => key);
    expect(changed).not.toBe(first);
    await expect(keys.submit('/api/x', { a: 3 }, failing)).rejects.toThrow();
    const elsewhere = await keys.submit('/api/y', { a: 3 }, async (key) => key);
    expect([first, changed]).not.toContain(elsewhere);
  });
});

describe('sending the key', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('goes out as the Idempotency-Key header, and only when given', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'e1' }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    await apiRequest('/api/citizen/errands', { method: 'POST', body: { a: 1 }, idempotencyKey: 'k-1' });
    await apiRequest('/api/citizen/errands/e1/archive', { method: 'POST' });
    const headers = fetch.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers);
    expect(headers[0]).toMatchObject({ 'idempotency-key': 'k-1' });
    expect(headers[1]).not.toHaveProperty('idempotency-key');
  });

  it('is retried only while the server says the same submission is still being done', () => {
    const problem = (code: 'conflict', detail?: string) =>
      ({ type: '', title: '', status: 409, code, ...(detail ? { detail } : {}) }) as const;
    expect(retryWhileInProgress(0, new ApiError(409, problem('conflict', 'idempotency-key-in-use')))).toBe(true);
    expect(retryWhileInProgress(5, new ApiError(409, problem('conflict', 'idempotency-key-in-use')))).toBe(false);
    expect(retryWhileInProgress(0, new ApiError(409, problem('conflict', 'reply-not-allowed')))).toBe(false);
    expect(retryWhileInProgress(0, new ApiError(500, undefined))).toBe(false);
    expect(retryWhileInProgress(0, new Error('network'))).toBe(false);
  });
});
