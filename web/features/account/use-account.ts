import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSessionList } from '#common/account';
import { api } from '#web/lib/api';
import { forgetEverythingBut, ME_QUERY_KEY } from '#web/lib/query-client';

const SESSIONS_KEY = ['account', 'sessions'] as const;

/** "Forgot password": always answered the same, whether or not the address is a member's. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      api<{ ok: true }>('/account/password-reset/request', { method: 'POST', body: { email } }),
  });
}

/** A new password from the emailed link; every session ends, so this browser is signed out too. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      api<{ ok: true }>('/account/password-reset', { method: 'POST', body: input }),
    onSuccess: () => {
      forgetEverythingBut(queryClient, ME_QUERY_KEY[0]);
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<{ revokedSessions: number }>('/account/password', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api<AccountSessionList>('/account/sessions'),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ ok: true }>(`/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ revoked: number }>('/account/sessions/revoke-others', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}
