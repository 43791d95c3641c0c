import {
  authRoutes,
  contactCardRoutes,
  type InboxFilter,
  type RouteOutput,
  staffErrandRoutes as routes,
} from '@kontakta/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addressOf, call, setCsrfToken } from './api-client.ts';
import { SESSION_QUERY_KEY } from './session.ts';
import { IN_PROGRESS_RETRY_DELAY_MS, retryWhileInProgress, useSubmissionKeys } from './submission-key.ts';

// The staff tool's data, keyed under 'staff'.

export type StaffErrandPage = RouteOutput<typeof routes.inbox>;
export type StaffErrandRow = StaffErrandPage['items'][number];
export type MyErrandsPage = RouteOutput<typeof routes.myErrands>;
export type Caregiver = RouteOutput<typeof routes.caregivers>['items'][number];

const staffKey = ['staff'] as const;

export function useStaffProfile() {
  return useQuery({ queryKey: [...staffKey, 'me'], queryFn: () => call(routes.me, {}) });
}

export function useStaffUnits() {
  return useQuery({ queryKey: [...staffKey, 'units'], queryFn: () => call(authRoutes.staffUnits, {}) });
}

/** Choosing a unit renews the session (new id and CSRF token); everything shown before is dropped. */
export function useChooseUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitHsaId: string) => call(authRoutes.chooseStaffUnit, { body: { unitHsaId } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ queryKey: staffKey });
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}

export function useInbox(filter: InboxFilter, errandType: string, limit = 25) {
  return useInfiniteQuery<StaffErrandPage, Error, InfiniteData<StaffErrandPage>, readonly unknown[], string | null>({
    queryKey: [...staffKey, 'inbox', filter, errandType, limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.inbox, {
        query: { filter, limit, ...(errandType ? { errandType } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useMyErrands(limit = 25) {
  return useInfiniteQuery<MyErrandsPage, Error, InfiniteData<MyErrandsPage>, readonly unknown[], string | null>({
    queryKey: [...staffKey, 'my-errands', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.myErrands, { query: { limit, ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useUnanswered() {
  return useQuery({
    queryKey: [...staffKey, 'unanswered'],
    queryFn: () => call(routes.unanswered, {}),
  });
}

export function useCaregivers(enabled: boolean) {
  return useQuery({
    queryKey: [...staffKey, 'caregivers'],
    queryFn: () => call(routes.caregivers, {}),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useStaffErrand(id: string) {
  return useQuery({
    queryKey: [...staffKey, 'errand', id],
    queryFn: () => call(routes.read, { params: { id } }),
    // Every read is an access-log entry: do not read again just because the window got focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function useAnswerForm(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...staffKey, 'answer-form', id],
    queryFn: () => call(routes.answerForm, { params: { id } }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Every action on an errand: afterwards the errand and the lists are read again. */
function useStaffAction<Input>(
  action: (input: Input) => Promise<unknown>,
  options: { retry?: typeof retryWhileInProgress; retryDelay?: number } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    ...options,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: staffKey });
    },
  });
}

export function useAssignErrand(id: string) {
  return useStaffAction((caregiverHsaId: string) => call(routes.assign, { params: { id }, body: { caregiverHsaId } }));
}

export function useTakeBackErrand(id: string) {
  return useStaffAction(() => call(routes.takeBack, { params: { id } }));
}

export function useAnswerErrand(id: string) {
  const keys = useSubmissionKeys();
  return useStaffAction(
    (answers: Record<string, unknown>) => {
      const input = { params: { id }, body: { answers } };
      return keys.submit(addressOf(routes.answer, input), input.body, (idempotencyKey) =>
        call(routes.answer, input, { idempotencyKey }),
      );
    },
    { retry: retryWhileInProgress, retryDelay: IN_PROGRESS_RETRY_DELAY_MS },
  );
}

/** Closes with a message to the citizen; an empty message sends none (allowed once answered). */
export function useCloseErrand(id: string) {
  return useStaffAction((message: string) =>
    call(routes.close, { params: { id }, body: message.trim() ? { message } : {} }),
  );
}

export function useReopenErrand(id: string) {
  return useStaffAction(() => call(routes.reopen, { params: { id } }));
}

/** The unit's errand types as its public contact card lists them (for the inbox's type filter). */
export function useUnitErrandTypes(unitHsaId: string | undefined) {
  return useQuery({
    queryKey: [...staffKey, 'contact-card', unitHsaId],
    queryFn: () => call(contactCardRoutes.show, { params: { hsaId: unitHsaId ?? '' } }),
    enabled: unitHsaId !== undefined,
    staleTime: 5 * 60_000,
  });
}
