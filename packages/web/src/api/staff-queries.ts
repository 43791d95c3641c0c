import {
  authRoutes,
  contactCardRoutes,
  type InboxFilter,
  type InboxSort,
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

/** The logged-in staff member's own notices (an e-mail when an errand is assigned to them). */
export function useStaffNoticeSettings() {
  return useQuery({ queryKey: [...staffKey, 'me', 'notices'], queryFn: () => call(routes.showNoticeSettings, {}) });
}

export function useSaveStaffNoticeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { assignmentEmail: string | null }) => call(routes.changeNoticeSettings, { body }),
    onSuccess: (saved) => queryClient.setQueryData([...staffKey, 'me', 'notices'], saved),
  });
}

/** The code sent to the assignment e-mail address comes back: from then on e-mails go there. */
export function useConfirmStaffNoticeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(routes.confirmNoticeEmail, { body: { code } }),
    onSuccess: (saved) => queryClient.setQueryData([...staffKey, 'me', 'notices'], saved),
  });
}

export function useResendStaffNoticeCode() {
  return useMutation({ mutationFn: () => call(routes.resendNoticeCode, {}) });
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

/** Back to the whole installation (installation administrators): the session is renewed as for a unit. */
export function useChooseInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authRoutes.chooseStaffInstallation, {}),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ queryKey: staffKey });
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}

export type InboxView = Readonly<{ filter: InboxFilter; errandType: string; sort: InboxSort; q: string }>;

export function useInbox(view: InboxView, limit = 25) {
  const { filter, errandType, sort, q } = view;
  return useInfiniteQuery<StaffErrandPage, Error, InfiniteData<StaffErrandPage>, readonly unknown[], string | null>({
    queryKey: [...staffKey, 'inbox', filter, errandType, sort, q, limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.inbox, {
        query: {
          filter,
          limit,
          ...(sort !== 'received' ? { sort } : {}),
          ...(q ? { q } : {}),
          ...(errandType ? { errandType } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
      }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** `waiting`: errands waiting for the caregiver (the default); `all` adds those they have answered. */
export function useMyErrands(show: 'waiting' | 'all', limit = 25) {
  return useInfiniteQuery<MyErrandsPage, Error, InfiniteData<MyErrandsPage>, readonly unknown[], string | null>({
    queryKey: [...staffKey, 'my-errands', show, limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      call(routes.myErrands, { query: { show, limit, ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The unit's standard answers for an errand type, to insert into an answer. */
export function useAnswerTemplatesFor(errandType: string) {
  return useQuery({
    queryKey: [...staffKey, 'answer-templates', errandType],
    queryFn: () => call(routes.answerTemplates, { query: { errandType } }),
    staleTime: 5 * 60_000,
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
function useStaffAction<Input, Output>(
  action: (input: Input) => Promise<Output>,
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

/** Routes several errands to one caregiver; the answer says, per errand, whether it went. */
export function useAssignErrands() {
  return useStaffAction((input: { errandIds: string[]; caregiverHsaId: string }) =>
    call(routes.assignMany, { body: input }),
  );
}

export function useAddNote(id: string) {
  return useStaffAction((text: string) => call(routes.addNote, { params: { id }, body: { text } }));
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

/** Answers with a message only; the structured answer already given stands. */
export function useAnswerWithMessage(id: string) {
  const keys = useSubmissionKeys();
  return useStaffAction(
    (body: { message: string; citizenMayReply: boolean }) => {
      const input = { params: { id }, body };
      return keys.submit(addressOf(routes.answerWithMessage, input), input.body, (idempotencyKey) =>
        call(routes.answerWithMessage, input, { idempotencyKey }),
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
