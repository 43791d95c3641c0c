import {
  type ConnectedServiceBody,
  type ConnectedServiceList,
  regionServiceRoutes,
  unitServiceRoutes,
} from '@kontakta/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from './api-client.ts';

// Connected services as an administrator manages them: the region's (region session) or a unit's
// own (unit administrator). One set of hooks for both, by scope; the list comes a page at a time.

/** Where the administrator acts: their region, or their unit. */
export type ServiceScope = Readonly<{ kind: 'region' } | { kind: 'unit'; unitHsaId: string }>;

const PAGE_SIZE = 50;

const keyOf = (scope: ServiceScope) =>
  scope.kind === 'region'
    ? (['region', 'services'] as const)
    : (['staff', 'admin', scope.unitHsaId, 'services'] as const);

export function useConnectedServices(scope: ServiceScope) {
  return useInfiniteQuery<
    ConnectedServiceList,
    Error,
    InfiniteData<ConnectedServiceList>,
    readonly unknown[],
    string | null
  >({
    queryKey: keyOf(scope),
    initialPageParam: null,
    queryFn: ({ pageParam }) => {
      const query = { limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) };
      return scope.kind === 'region'
        ? call(regionServiceRoutes.list, { query })
        : call(unitServiceRoutes.list, { params: { hsaId: scope.unitHsaId }, query });
    },
    getNextPageParam: (page) => page.nextCursor,
    refetchOnWindowFocus: false,
  });
}

/** What a change to a service is: register, change, remove, or a new client secret. */
export type ServiceAction =
  | { kind: 'register'; body: ConnectedServiceBody }
  | { kind: 'change'; id: string; body: ConnectedServiceBody }
  | { kind: 'remove'; id: string }
  | { kind: 'renew-secret'; id: string };

/** The outcome: the saved service (with a client secret shown once, when one was made) or a secret alone. */
export type ServiceActionResult =
  | { kind: 'saved'; serviceId: string; clientId: string | null; clientSecret: string | null }
  | { kind: 'removed' }
  | { kind: 'secret'; clientId: string; clientSecret: string };

export function useChangeConnectedService(scope: ServiceScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: ServiceAction): Promise<ServiceActionResult> => {
      const region = scope.kind === 'region';
      const unitParams = scope.kind === 'unit' ? { hsaId: scope.unitHsaId } : { hsaId: '' };
      switch (action.kind) {
        case 'register': {
          const saved = region
            ? await call(regionServiceRoutes.register, { body: action.body })
            : await call(unitServiceRoutes.register, { params: unitParams, body: action.body });
          return savedResult(saved);
        }
        case 'change': {
          const saved = region
            ? await call(regionServiceRoutes.change, { params: { serviceId: action.id }, body: action.body })
            : await call(unitServiceRoutes.change, {
                params: { ...unitParams, serviceId: action.id },
                body: action.body,
              });
          return savedResult(saved);
        }
        case 'remove':
          if (region) await call(regionServiceRoutes.remove, { params: { serviceId: action.id } });
          else await call(unitServiceRoutes.remove, { params: { ...unitParams, serviceId: action.id } });
          return { kind: 'removed' };
        case 'renew-secret': {
          const secret = region
            ? await call(regionServiceRoutes.renewSecret, { params: { serviceId: action.id } })
            : await call(unitServiceRoutes.renewSecret, { params: { ...unitParams, serviceId: action.id } });
          return { kind: 'secret', ...secret };
        }
      }
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keyOf(scope) });
      // The region's units and change log show services too.
      await queryClient.invalidateQueries({ queryKey: scope.kind === 'region' ? ['region'] : ['staff', 'admin'] });
    },
  });
}

function savedResult(saved: {
  service: { id: string; handOver: { clientId: string } | null };
  clientSecret: string | null;
}): ServiceActionResult {
  return {
    kind: 'saved',
    serviceId: saved.service.id,
    clientId: saved.service.handOver?.clientId ?? null,
    clientSecret: saved.clientSecret,
  };
}
