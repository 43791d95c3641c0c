// How long to wait before trying a failed delivery again: doubling from 30 seconds up to 2 hours,
// with jitter so that messages that failed together (a mail server restarting) do not all come
// back in the same second. With 10 attempts a message is tried over roughly 2 to 4 hours.

export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 2 * 60 * 60_000;

/** The pause after `failedAttempts` (1 or more) failures: between half and all of the capped doubling. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
