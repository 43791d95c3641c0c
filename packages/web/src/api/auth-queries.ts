import type {
  LoginCodeResent,
  LoginMethods,
  PasswordLoginResponse,
  SessionInfo,
  SetUpAccountResponse,
} from '@kontakta/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from './api-client.ts';
import { SESSION_QUERY_KEY } from './session.ts';

// Logging in without e-ID: the e-ID ways are plain links (the server redirects to the provider).

export function useLoginMethods() {
  return useQuery({
    queryKey: ['auth', 'methods'],
    queryFn: () => apiRequest<LoginMethods>('/api/auth/methods'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSetUpAccount() {
  return useMutation({
    mutationFn: (body: { personnummer: string; mobile: string; acceptTerms: true }) =>
      apiRequest<SetUpAccountResponse>('/api/auth/account', { method: 'POST', body }),
  });
}

export function usePasswordLogin() {
  return useMutation({
    mutationFn: (body: { personnummer: string; password: string }) =>
      apiRequest<PasswordLoginResponse>('/api/auth/password', { method: 'POST', body }),
  });
}

/** "Send a new code": the same login, a new code by SMS; the earlier code stops working. */
export function useResendLoginCode() {
  return useMutation({
    mutationFn: () => apiRequest<LoginCodeResent>('/api/auth/password/code/resend', { method: 'POST' }),
  });
}

export function useLoginCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<SessionInfo>('/api/auth/password/code', { method: 'POST', body: { code } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
