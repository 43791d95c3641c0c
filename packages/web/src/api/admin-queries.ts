import {
  type AnswerTemplateBody,
  type ErrandTypeSettingsBody,
  type RouteOutput,
  unitAdminRoutes as routes,
  type UnitClosureBody,
  type UnitSettingsPageBody,
} from '@kontakta/contract';
import type { FormDefinition, LocalizedText } from '@kontakta/domain';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './api-client.ts';

// Unit administration: the unit's errand types and the form builder's saves; the unit's settings,
// its contact-card links and the record of who changed what. A custom type's answer form, left
// out, is the server's default (a message and whether the citizen may reply); sent, the server
// appends those two to the unit's own fields.

export type AdminErrandTypeDetail = RouteOutput<typeof routes.showErrandType>;

const adminKey = ['staff', 'admin'] as const;

export function useAdminErrandTypes(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'types'],
    queryFn: () => call(routes.listErrandTypes, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
  });
}

export function useAdminErrandType(unitHsaId: string, type: string | undefined) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'type', type],
    queryFn: () => call(routes.showErrandType, { params: { hsaId: unitHsaId, type: type ?? '' } }),
    enabled: unitHsaId !== '' && type !== undefined,
    refetchOnWindowFocus: false,
  });
}

export function useSaveErrandTypeSettings(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, settings }: { type: string; settings: ErrandTypeSettingsBody }) =>
      call(routes.saveErrandTypeSettings, { params: { hsaId: unitHsaId, type }, body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useUnitSettings(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'settings'],
    queryFn: () => call(routes.showSettings, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

export function useUnitContactSettings(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'contact-card'],
    queryFn: () => call(routes.showContactSettings, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

export function useExternalLinks(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'links'],
    queryFn: () => call(routes.listLinks, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

/**
 * The unit settings page's one save: the parts that changed (settings, contact card, links) in
 * one request, saved by the server in one transaction, all or nothing.
 */
export function useSaveUnitSettingsPage(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitSettingsPageBody) => call(routes.saveSettingsPage, { params: { hsaId: unitHsaId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKey, unitHsaId] }),
  });
}

export function useUnitClosures(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'closures'],
    queryFn: () => call(routes.listClosures, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
  });
}

/** A closure is added, changed (until it has ended) or removed. */
export type UnitClosureChange =
  | Readonly<{ kind: 'add'; closure: UnitClosureBody }>
  | Readonly<{ kind: 'change'; id: string; closure: UnitClosureBody }>
  | Readonly<{ kind: 'remove'; id: string }>;

export function useChangeUnitClosures(unitHsaId: string) {
  const queryClient = useQueryClient();
  const params = { hsaId: unitHsaId };
  return useMutation({
    mutationFn: (change: UnitClosureChange): Promise<unknown> => {
      switch (change.kind) {
        case 'add':
          return call(routes.addClosure, { params, body: change.closure });
        case 'change':
          return call(routes.changeClosure, { params: { ...params, closureId: change.id }, body: change.closure });
        case 'remove':
          return call(routes.removeClosure, { params: { ...params, closureId: change.id } });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKey, unitHsaId] }),
  });
}

/** The other units of the region, by name: the cover units a closure may name. */
export function useRegionUnits(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'region-units'],
    queryFn: () => call(routes.listRegionUnits, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
    staleTime: 10 * 60_000,
  });
}

export type UnitChangePage = RouteOutput<typeof routes.listChanges>;
export type UnitChange = UnitChangePage['items'][number];

export function useUnitChanges(unitHsaId: string, limit = 25) {
  return useInfiniteQuery<UnitChangePage, Error, InfiniteData<UnitChangePage>, readonly unknown[], string | null>({
    queryKey: [...adminKey, unitHsaId, 'changes', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.listChanges, {
        params: { hsaId: unitHsaId },
        query: { limit: String(limit), ...(pageParam ? { cursor: pageParam } : {}) },
      }),
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
      call(routes.createCustomType, {
        params: { hsaId: unitHsaId },
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
      call(routes.changeCustomType, {
        params: { hsaId: unitHsaId, type },
        body: { ...definitionBody(input), ...(baseVersion ? { baseVersion } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useAnswerTemplates(unitHsaId: string) {
  return useQuery({
    queryKey: [...adminKey, unitHsaId, 'answer-templates'],
    queryFn: () => call(routes.listTemplates, { params: { hsaId: unitHsaId } }),
    enabled: unitHsaId !== '',
    refetchOnWindowFocus: false,
  });
}

/** Add (no `id`), change (`id`) or remove (`remove`) a standard answer; the list is read again after. */
export type AnswerTemplateChange =
  | Readonly<{ kind: 'save'; id?: string; template: AnswerTemplateBody }>
  | Readonly<{ kind: 'remove'; id: string }>;

export function useChangeAnswerTemplates(unitHsaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: AnswerTemplateChange) => {
      const hsaId = unitHsaId;
      if (change.kind === 'remove') {
        await call(routes.removeTemplate, { params: { hsaId, templateId: change.id } });
        return;
      }
      if (change.id) {
        await call(routes.changeTemplate, { params: { hsaId, templateId: change.id }, body: change.template });
      } else {
        await call(routes.addTemplate, { params: { hsaId }, body: change.template });
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}
