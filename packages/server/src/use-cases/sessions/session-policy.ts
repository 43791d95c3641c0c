/** How long a session lives: idle timeout and absolute maximum, both from configuration. */
export type SessionPolicy = Readonly<{ idleMs: number; maxMs: number }>;

// Writing last_seen_at on every request would turn every read into a write; a minute of slack
// on a 60-minute idle timeout is harmless.
export const TOUCH_INTERVAL_MS = 60_000;
