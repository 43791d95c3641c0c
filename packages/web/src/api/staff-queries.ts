import type {
  AnswerForm,
  ContactCard,
  ErrandDetail,
  SessionInfo,
  StaffErrandList,
  StaffErrandSummary,
  StaffProfile,
  StaffUnits,
} from '@kontakta/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { apiRequest, setCsrfToken } from './api-client.ts';
import { SESSION_QUERY_KEY } from './session.ts';
import { IN_PROGRESS_RETRY_DELAY_MS, retryWhileInProgress, useSubmissionKeys } from './submission-key.ts';

// The staff tool's data, keyed under 'staff'.

export type InboxFilter = 'all' | 'new' | 'unassigned' | 'mine' | 'assigned' | 'unanswered' | 'closed';
export type StaffErrandPage = Static<typeof StaffErrandList>;
export type StaffErrandRow = Static<typeof StaffErrandSummary>;
export type MyErrandsPage = Readonly<{ items: StaffErrandRow[]; nextCursor: string | null }>;
export type Caregiver = Readonly<{ hsaId: string; name: string; profession: string }>;
export type UnansweredOverview = Readonly<{ total: number; brackets: { label: string; count: number }[] }>;

const staffKey = ['staff'] as const;

export function useStaffProfile() {
  return useQuery({ queryKey: [...staffKey, 'me'], queryFn: () => apiRequest<StaffProfile>('/api/staff/me') });
}

export function useStaffUnits() {
  return useQuery({ queryKey: [...staffKey, 'units'], queryFn: () => apiRequest<StaffUnits>('/api/auth/units') });
}

/** Choosing a unit renews the session (new id and CSRF token); everything shown before is dropped. */
export function useChooseUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitHsaId: string) =>
      apiRequest<SessionInfo>('/api/auth/unit', { method: 'POST', body: { unitHsaId } }),
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
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ filter, limit: String(limit) });
      if (errandType) query.set('errandType', errandType);
      if (pageParam) query.set('cursor', pageParam);
      return apiRequest<StaffErrandPage>(`/api/staff/inbox?${query}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useMyErrands(limit = 25) {
  return useInfiniteQuery<MyErrandsPage, Error, InfiniteData<MyErrandsPage>, readonly unknown[], string | null>({
    queryKey: [...staffKey, 'my-errands', limit],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      apiRequest<MyErrandsPage>(
        `/api/staff/my-errands?limit=${limit}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useUnanswered() {
  return useQuery({
    queryKey: [...staffKey, 'unanswered'],
    queryFn: () => apiRequest<UnansweredOverview>('/api/staff/unanswered'),
  });
}

export function useCaregivers(enabled: boolean) {
  return useQuery({
    queryKey: [...staffKey, 'caregivers'],
    queryFn: () => apiRequest<{ items: Caregiver[] }>('/api/staff/caregivers'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useStaffErrand(id: string) {
  return useQuery({
    queryKey: [...staffKey, 'errand', id],
    queryFn: () => apiRequest<ErrandDetail>(`/api/staff/errands/${encodeURIComponent(id)}`),
    // Every read is an access-log entry: do not read again just because the window got focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function useAnswerForm(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...staffKey, 'answer-form', id],
    queryFn: () => apiRequest<AnswerForm>(`/api/staff/errands/${encodeURIComponent(id)}/answer-form`),
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

const errandPath = (id: string) => `/api/staff/errands/${encodeURIComponent(id)}` as const;

export function useAssignErrand(id: string) {
  return useStaffAction((caregiverHsaId: string) =>
    apiRequest(`${errandPath(id)}/assign`, { method: 'POST', body: { caregiverHsaId } }),
  );
}

export function useTakeBackErrand(id: string) {
  return useStaffAction(() => apiRequest(`${errandPath(id)}/take-back`, { method: 'POST' }));
}

export function useAnswerErrand(id: string) {
  const keys = useSubmissionKeys();
  const path = `${errandPath(id)}/answer` as const;
  return useStaffAction(
    (answers: unknown) =>
      keys.submit(path, { answers }, (idempotencyKey) =>
        apiRequest(path, { method: 'POST', body: { answers }, idempotencyKey }),
      ),
    { retry: retryWhileInProgress, retryDelay: IN_PROGRESS_RETRY_DELAY_MS },
  );
}

export function useCloseErrand(id: string) {
  return useStaffAction(() => apiRequest(`${errandPath(id)}/close`, { method: 'POST' }));
}

/** The unit's errand types as its public contact card lists them (for the inbox's type filter). */
export function useUnitErrandTypes(unitHsaId: string | undefined) {
  return useQuery({
    queryKey: [...staffKey, 'contact-card', unitHsaId],
    queryFn: () => apiRequest<ContactCard>(`/api/units/${encodeURIComponent(unitHsaId ?? '')}/contact-card`),
    enabled: unitHsaId !== undefined,
    staleTime: 5 * 60_000,
  });
}
