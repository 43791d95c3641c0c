import { authRoutes } from '@kontakta/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, setCsrfToken } from './api-client.ts';
import { SESSION_QUERY_KEY } from './session.ts';

// Logging in without e-ID: the e-ID ways are plain links (the server redirects to the provider).

export function useLoginMethods() {
  return useQuery({
    queryKey: ['auth', 'methods'],
    queryFn: () => call(authRoutes.methods, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSetUpAccount() {
  return useMutation({
    mutationFn: (body: { personnummer: string; mobile: string; acceptTerms: true }) =>
      call(authRoutes.setUpAccount, { body }),
  });
}

export function usePasswordLogin() {
  return useMutation({
    mutationFn: (body: { personnummer: string; password: string }) => call(authRoutes.passwordLogin, { body }),
  });
}

/** "Send a new code": the same login, a new code by SMS; the earlier code stops working. */
export function useResendLoginCode() {
  return useMutation({
    mutationFn: () => call(authRoutes.resendLoginCode, {}),
  });
}

export function useLoginCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(authRoutes.loginCode, { body: { code } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
