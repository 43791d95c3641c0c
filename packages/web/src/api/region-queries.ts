import { authRoutes, type RegionOfferingBody, type RouteOutput, regionAdminRoutes as routes } from '@kontakta/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, setCsrfToken } from './api-client.ts';
import { SESSION_QUERY_KEY } from './session.ts';

// The regional administrator's data, keyed under 'region' (the region is the session's).

export type RegionUnitList = RouteOutput<typeof routes.listUnits>;
export type RegionOffering = RouteOutput<typeof routes.showOffering>;
export type RegionOfferingItem = RegionOffering['items'][number];
export type RegionChangePage = RouteOutput<typeof routes.listChanges>;
export type RegionChange = RegionChangePage['items'][number];

const regionKey = ['region'] as const;

export function useRegionUnits() {
  return useQuery({ queryKey: [...regionKey, 'units'], queryFn: () => call(routes.listUnits, {}) });
}

export function useRegionOffering() {
  return useQuery({ queryKey: [...regionKey, 'offering'], queryFn: () => call(routes.showOffering, {}) });
}

export function useSaveRegionOffering() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegionOfferingBody) => call(routes.changeOffering, { body }),
    onSuccess: async (offering) => {
      queryClient.setQueryData([...regionKey, 'offering'], offering);
      await queryClient.invalidateQueries({ queryKey: regionKey });
    },
  });
}

export function useRegionChanges(limit = 25) {
  return useInfiniteQuery<RegionChangePage, Error, InfiniteData<RegionChangePage>, readonly unknown[], string | null>({
    queryKey: [...regionKey, 'changes', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.listChanges, { query: { limit: String(limit), ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Choosing the region renews the session (new id and CSRF token), like choosing a unit. */
export function useChooseRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (regionCode: string) => call(authRoutes.chooseStaffRegion, { body: { regionCode } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ queryKey: ['staff'] });
      queryClient.removeQueries({ queryKey: regionKey });
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
