import { citizenServiceConsentRoutes as routes, type ServiceConsentList } from '@kontakta/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from './api-client.ts';

// The services a citizen lets Kontakta hand their login over to, and withdrawing one.

const consentsKey = ['citizen', 'service-consents'] as const;

export function useServiceConsents(limit = 20) {
  return useInfiniteQuery<
    ServiceConsentList,
    Error,
    InfiniteData<ServiceConsentList>,
    readonly unknown[],
    string | null
  >({
    queryKey: [...consentsKey, limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.list, { query: { limit: String(limit), ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useWithdrawServiceConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: string) => call(routes.withdraw, { params: { serviceId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentsKey }),
  });
}
