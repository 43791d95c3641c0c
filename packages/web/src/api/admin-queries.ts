import type {
  AdminErrandType,
  ErrandTypeSettingsBody,
  ExternalLink,
  ExternalLinkBody,
  UnitSettings,
  UnitSettingsBody,
} from '@kontakta/contract';
import type { FormDefinition, LocalizedText } from '@kontakta/domain';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';

// Unit administration: the unit's errand types and the form builder's saves; the unit's settings,
// its contact-card links and the record of who changed what. A custom type's answer form, left
// out, is the server's default (a message and whether the citizen may reply); sent, the server
// appends those two to the unit's own fields.

export type AdminErrandTypeDetail = AdminErrandType &
  Readonly<{ citizenForm: unknown; answerForm: unknown; versions: { version: number; createdAt: number }[] }>;
export type SavedErrandType = Readonly<{ id: string; version: number; newVersion: boolean }>;

const adminKey = ['staff', 'admin'] as const;
const unitPath = (unitHsaId: string) => `/api/admin/units/${encodeURIComponent(unitHsaId)}` as const;
const typesPath = (unitHsaId: string) => `${unitPath(unitHsaId)}/errand-types` as const;

export function useAdminErrandTypes(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'types'],
    queryFn: () => apiRequest<{ items: AdminErrandType[] }>(typesPath(unitHsaId)),
    enabled: unitHsaId !== '',
  });
}

export function useAdminErrandType(unitHsaId: string, type: string | undefined) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'type', type],
    queryFn: () => apiRequest<AdminErrandTypeDetail>(`${typesPath(unitHsaId)}/${encodeURIComponent(type ?? '')}`),
    enabled: unitHsaId !== '' && type !== undefined,
    refetchOnWindowFocus: false,
  });
}

export function useSaveErrandTypeSettings(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, settings }: { type: string; settings: ErrandTypeSettingsBody }) =>
      apiRequest<SavedErrandType>(`${typesPath(unitHsaId)}/${encodeURIComponent(type)}`, {
        method: 'PUT',
        body: settings,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useUnitSettings(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'settings'],
    queryFn: () => apiRequest<UnitSettings>(`${unitPath(unitHsaId)}/settings`),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

export function useSaveUnitSettings(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: UnitSettingsBody) =>
      apiRequest<UnitSettings>(`${unitPath(unitHsaId)}/settings`, { method: 'PUT', body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKey, unitHsaId] }),
  });
}

export function useExternalLinks(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'links'],
    queryFn: () => apiRequest<{ items: ExternalLink[] }>(`${unitPath(unitHsaId)}/links`),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

/** Every change to the links: add, change (`id`), remove (`remove`), or a new order (`order`). */
export type ExternalLinkChange =
  | Readonly<{ kind: 'add'; link: ExternalLinkBody }>
  | Readonly<{ kind: 'change'; id: string; link: ExternalLinkBody }>
  | Readonly<{ kind: 'remove'; id: string }>
  | Readonly<{ kind: 'order'; ids: readonly string[] }>;

export function useChangeExternalLinks(unitHsaId: string) {
  const queryClient = useQueryClient();
  const links = `${unitPath(unitHsaId)}/links` as const;
  return useMutation({
    mutationFn: (change: ExternalLinkChange): Promise<unknown> => {
      switch (change.kind) {
        case 'add':
          return apiRequest<ExternalLink>(links, { method: 'POST', body: change.link });
        case 'change':
          return apiRequest<ExternalLink>(`${links}/${encodeURIComponent(change.id)}`, {
            method: 'PUT',
            body: change.link,
          });
        case 'remove':
          return apiRequest<void>(`${links}/${encodeURIComponent(change.id)}`, { method: 'DELETE' });
        case 'order':
          return apiRequest<{ items: ExternalLink[] }>(`${links}/order`, { method: 'PUT', body: { ids: change.ids } });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKey, unitHsaId] }),
  });
}

export type UnitChange = Readonly<{
  at: number;
  staffHsaId: string;
  staffName: string;
  action: string;
  errandType: string | null;
  formVersion: number | null;
  linkId: string | null;
}>;
export type UnitChangePage = Readonly<{ items: UnitChange[]; nextCursor: string | null }>;

export function useUnitChanges(unitHsaId: string, limit = 25) {
  return useInfiniteQuery<UnitChangePage, Error, InfiniteData<UnitChangePage>, readonly unknown[], string | null>({
    queryKey: [...adminKey, unitHsaId, 'changes', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      apiRequest<UnitChangePage>(
        `${unitPath(unitHsaId)}/changes?limit=${limit}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (page) => page.nextCursor,
    enabled: unitHsaId !== '',
  });
}

export type CustomTypeDefinition = Readonly<{
  name: LocalizedText;
  description: LocalizedText;
  citizenForm: FormDefinition;
  answerForm: FormDefinition | undefined;
}>;

function definitionBody({ name, description, citizenForm, answerForm }: CustomTypeDefinition) {
  return { name, description, citizenForm, ...(answerForm ? { answerForm } : {}) };
}

export function useCreateCustomType(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomTypeDefinition & Readonly<{ openToProxies: boolean; citizenMayReply: boolean }>) =>
      apiRequest<SavedErrandType>(typesPath(unitHsaId), {
        method: 'POST',
        body: {
          ...definitionBody(input),
          enabled: true,
          openToProxies: input.openToProxies,
          citizenMayReply: input.citizenMayReply,
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

/** A new version of the type's forms (when they changed); 409 when someone else changed it since `baseVersion`. */
export function useChangeCustomType(unitHsaId: string, type: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, baseVersion }: { input: CustomTypeDefinition; baseVersion: number | undefined }) =>
      apiRequest<SavedErrandType>(`${typesPath(unitHsaId)}/${encodeURIComponent(type)}/definition`, {
        method: 'PUT',
        body: { ...definitionBody(input), ...(baseVersion ? { baseVersion } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}
