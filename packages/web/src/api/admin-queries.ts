import type { AdminErrandType, ErrandTypeSettingsBody } from '@kontakta/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';

// Unit administration: the unit's errand types and the form builder's saves.

export type AdminErrandTypeDetail = AdminErrandType &
  Readonly<{ citizenForm: unknown; answerForm: unknown; versions: { version: number; createdAt: number }[] }>;
export type SavedErrandType = Readonly<{ id: string; version: number; newVersion: boolean }>;
export type CustomTypeInput = Readonly<{
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  citizenForm: unknown;
  openToProxies: boolean;
  citizenMayReply: boolean;
}>;

const adminKey = ['staff', 'admin'] as const;
const typesPath = (unitHsaId: string) => `/api/admin/units/${encodeURIComponent(unitHsaId)}/errand-types` as const;

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

export function useCreateCustomErrandType(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomTypeInput) =>
      apiRequest<SavedErrandType>(typesPath(unitHsaId), { method: 'POST', body: { ...input, enabled: true } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useChangeCustomErrandType(unitHsaId: string, type: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, baseVersion }: { input: CustomTypeInput; baseVersion: number | undefined }) =>
      apiRequest<SavedErrandType>(`${typesPath(unitHsaId)}/${encodeURIComponent(type)}/definition`, {
        method: 'PUT',
        body: {
          name: input.name,
          description: input.description,
          citizenForm: input.citizenForm,
          ...(baseVersion ? { baseVersion } : {}),
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}
