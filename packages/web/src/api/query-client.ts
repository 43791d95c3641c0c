import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

// Answers carry personal data: they live in memory only, briefly, and are never persisted.
// A query nobody shows any more is dropped after half a minute; logging out reloads the page,
// which drops everything.
const UNUSED_ANSWER_KEPT_MS = 30_000;
const FRESH_MS = 10_000;

/** The app's query client: small memory, no persistence, no retrying of answers that will not change. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A guardian's proxy may end while they act for the child (the 13th birthday): the server then
    // answers as the guardian, so the child's data is "not found". Asking for the session again
    // takes the "acting for" bar away at once instead of at the session's next refresh.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === 'citizen' && error instanceof ApiError && error.status === 404) {
          void client.invalidateQueries({ queryKey: ['session'] });
        }
      },
    }),
    defaultOptions: {
      queries: {
        gcTime: UNUSED_ANSWER_KEPT_MS,
        staleTime: FRESH_MS,
        // A 4xx (not found, not allowed, logged out) will be the same the next time.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false, gcTime: 0 },
    },
  });
  return client;
}
