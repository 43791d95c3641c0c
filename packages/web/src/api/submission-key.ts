import { useState } from 'react';
import { ApiError } from './api-client.ts';

/**
 * The `Idempotency-Key` of a submission (sending an errand, an answer, a reply), so that the
 * server does it once however many times the request reaches it. One key per submission: a
 * retry of the same content to the same address before the server has confirmed it (an
 * automatic retry, or the reader pressing the button again after an error, when the first
 * request may have arrived after all) keeps the key; other content, or anything sent after a
 * success, is a new submission with a new key. Kept in memory only, for as long as the form.
 */
export type SubmissionKeys = Readonly<{
  submit<T>(path: string, body: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T>;
}>;

export function createSubmissionKeys(newKey: () => string = () => crypto.randomUUID()): SubmissionKeys {
  let pending: { request: string; key: string } | undefined;
  return {
    async submit(path, body, send) {
      const request = JSON.stringify([path, body]);
      if (pending?.request !== request) pending = { request, key: newKey() };
      const { key } = pending;
      const result = await send(key);
      // Confirmed: the next submission, even with the same content, is a new one.
      if (pending?.key === key) pending = undefined;
      return result;
    },
  };
}

/** One set of submission keys for the life of the component (the form) that uses it. */
export function useSubmissionKeys(): SubmissionKeys {
  const [keys] = useState(() => createSubmissionKeys());
  return keys;
}

/**
 * A mutation's retry rule: ask again (with the same key) while the server says this submission
 * is still being done; it then answers with the first request's result.
 */
export function retryWhileInProgress(failures: number, error: unknown): boolean {
  return failures < 5 && error instanceof ApiError && error.problem?.detail === 'idempotency-key-in-use';
}

export const IN_PROGRESS_RETRY_DELAY_MS = 500;
