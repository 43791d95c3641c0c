import {
  type CitizenFolder,
  citizenCalendarRoutes,
  citizenErrandRoutes,
  citizenMessageRoutes,
  citizenProfileRoutes,
  citizenProxyRoutes,
  citizenSettingsRoutes,
  citizenUnitRoutes,
  contactCardRoutes,
  type RouteInput,
  type RouteOutput,
} from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addressOf, call } from './api-client.ts';
import { IN_PROGRESS_RETRY_DELAY_MS, retryWhileInProgress, useSubmissionKeys } from './submission-key.ts';

// The citizen's data, one hook per server read, keyed under 'citizen' so logging out (a reload)
// or a change can drop them together.

export type CitizenErrandPage = RouteOutput<typeof citizenErrandRoutes.list>;
export type AccessLogPage = RouteOutput<typeof citizenErrandRoutes.accessLog>;
export type OpenedForm = RouteOutput<typeof citizenUnitRoutes.openForm>;

const citizenKey = ['citizen'] as const;

export function useCitizenProfile() {
  return useQuery({
    queryKey: [...citizenKey, 'me'],
    queryFn: () => call(citizenProfileRoutes.me, {}),
    staleTime: 5 * 60_000,
  });
}

export function useMyUnits() {
  return useQuery({
    queryKey: [...citizenKey, 'units'],
    queryFn: () => call(citizenUnitRoutes.myUnits, {}),
  });
}

export function useUnitSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...citizenKey, 'unit-search', q],
    queryFn: () => call(citizenUnitRoutes.search, { query: { q, limit: 20 } }),
    enabled: q.length > 0,
  });
}

export function useContactCard(hsaId: string) {
  return useQuery({
    queryKey: [...citizenKey, 'unit', hsaId],
    queryFn: () => call(contactCardRoutes.show, { params: { hsaId } }),
  });
}

/**
 * The form to fill in. Fetched once per visit and never refreshed while open: the answers are
 * checked against the version that was open, so the form must not change under the reader's hands.
 */
export function useErrandForm(hsaId: string, errandType: string) {
  return useQuery({
    queryKey: [...citizenKey, 'form', hsaId, errandType],
    queryFn: () => call(citizenUnitRoutes.openForm, { params: { hsaId, errandType } }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
}

export function useSendErrand() {
  const queryClient = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation({
    mutationFn: (body: RouteInput<typeof citizenErrandRoutes.send>['body']) =>
      keys.submit(addressOf(citizenErrandRoutes.send, { body }), body, (idempotencyKey) =>
        call(citizenErrandRoutes.send, { body }, { idempotencyKey }),
      ),
    retry: retryWhileInProgress,
    retryDelay: IN_PROGRESS_RETRY_DELAY_MS,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: citizenKey }),
  });
}

export function useCitizenErrands(folder: CitizenFolder, limit = 20) {
  return useInfiniteQuery<CitizenErrandPage, Error, InfiniteData<CitizenErrandPage>, readonly unknown[], string | null>(
    {
      queryKey: [...citizenKey, 'errands', folder, limit],
      initialPageParam: null,
      queryFn: ({ pageParam }) =>
        call(citizenErrandRoutes.list, { query: { folder, limit, ...(pageParam ? { cursor: pageParam } : {}) } }),
      getNextPageParam: (page) => page.nextCursor,
    },
  );
}

export function useCitizenErrand(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...citizenKey, 'errand', id],
    queryFn: async () => {
      const errand = await call(citizenErrandRoutes.read, { params: { id } });
      // Opening an answer marks it read: the lists' unread marks change.
      void queryClient.invalidateQueries({ queryKey: [...citizenKey, 'errands'] });
      return errand;
    },
  });
}

function useErrandAction<Body>(
  id: string,
  action: (body: Body) => Promise<unknown>,
  options: { retry?: typeof retryWhileInProgress; retryDelay?: number } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    ...options,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...citizenKey, 'errand', id] });
      await queryClient.invalidateQueries({ queryKey: [...citizenKey, 'errands'] });
    },
  });
}

export function useReplyToErrand(id: string) {
  const keys = useSubmissionKeys();
  return useErrandAction(
    id,
    (message: string) => {
      const input = { params: { id }, body: { message } };
      return keys.submit(addressOf(citizenErrandRoutes.reply, input), input.body, (idempotencyKey) =>
        call(citizenErrandRoutes.reply, input, { idempotencyKey }),
      );
    },
    { retry: retryWhileInProgress, retryDelay: IN_PROGRESS_RETRY_DELAY_MS },
  );
}

export function useArchiveErrand(id: string) {
  return useErrandAction(id, (archived: boolean) =>
    call(archived ? citizenErrandRoutes.archive : citizenErrandRoutes.unarchive, { params: { id } }),
  );
}

export function useAccessLog(limit = 25) {
  return useInfiniteQuery<AccessLogPage, Error, InfiniteData<AccessLogPage>, readonly unknown[], string | null>({
    queryKey: [...citizenKey, 'access-log', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(citizenErrandRoutes.accessLog, { query: { limit, ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: [...citizenKey, 'settings'],
    queryFn: () => call(citizenSettingsRoutes.show, {}),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string | null; mobile: string | null; language: Language }) =>
      call(citizenSettingsRoutes.change, { body }),
    onSuccess: (settings) => queryClient.setQueryData([...citizenKey, 'settings'], settings),
  });
}

export function useVerifyContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<typeof citizenSettingsRoutes.verify>['body']) =>
      call(citizenSettingsRoutes.verify, { body }),
    onSuccess: (settings) => queryClient.setQueryData([...citizenKey, 'settings'], settings),
  });
}

/**
 * A new code for an address waiting to be confirmed (the earlier one stops working). Not by
 * clearing and saving the address again: that would need a recent login, and a refused second
 * request would leave the address cleared.
 */
export function useResendContactCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channel }: { channel: 'email' | 'mobile'; address: string }) =>
      call(citizenSettingsRoutes.resendCode, { body: { channel } }),
    onSuccess: (settings) => queryClient.setQueryData([...citizenKey, 'settings'], settings),
  });
}

/** "Not now" (`ask: false`) to the question after login about where notifications go; remembered on the server. */
export function useAnswerNotificationPrompt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ask: boolean) => call(citizenSettingsRoutes.answerPrompt, { body: { ask } }),
    onSuccess: (settings) => queryClient.setQueryData([...citizenKey, 'settings'], settings),
  });
}

export function useCalendarMonth(month: string) {
  return useQuery({
    queryKey: [...citizenKey, 'calendar', month],
    queryFn: () => call(citizenCalendarRoutes.listMonth, { query: { month } }),
  });
}

export type CalendarNoteInput = Readonly<{ date: string; time: string | null; title: string; text: string }>;

export function useSaveCalendarNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string | undefined; note: CalendarNoteInput }) =>
      id
        ? call(citizenCalendarRoutes.changeNote, { params: { id }, body: note })
        : call(citizenCalendarRoutes.addNote, { body: note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...citizenKey, 'calendar'] }),
  });
}

export function useDeleteCalendarNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(citizenCalendarRoutes.deleteNote, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...citizenKey, 'calendar'] }),
  });
}

/** The children the guardian is proxy (ombud) for, and the installation's age limit. */
export function useProxies() {
  return useQuery({
    queryKey: [...citizenKey, 'proxies'],
    queryFn: () => call(citizenProxyRoutes.list, {}),
  });
}

export function useAddProxy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personnummer: string) => call(citizenProxyRoutes.add, { body: { personnummer } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...citizenKey, 'proxies'] }),
  });
}

export function useRemoveProxy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (childId: string) => call(citizenProxyRoutes.remove, { params: { childId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...citizenKey, 'proxies'] }),
  });
}

export type InboxMessagePage = RouteOutput<typeof citizenMessageRoutes.list>;

/** Messages from the service or a unit (not errands): newest first, with the unread count. */
export function useInboxMessages(limit = 20) {
  return useInfiniteQuery<InboxMessagePage, Error, InfiniteData<InboxMessagePage>, readonly unknown[], string | null>({
    queryKey: [...citizenKey, 'messages', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(citizenMessageRoutes.list, { query: { limit, ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useMarkMessageRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(citizenMessageRoutes.markRead, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...citizenKey, 'messages'] }),
  });
}
