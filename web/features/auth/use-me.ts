import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#common/invitations';
import type { Role } from '#common/roles';
import type { UiLanguage } from '#web/i18n';
import { api } from '#web/lib/api';
import { forgetEverythingBut, ME_QUERY_KEY } from '#web/lib/query-client';

/** HR pages (invitations, member admin, visibility limits) are for alumni managers and admins. */
export const isHrRole = (role: Role) => role === 'alumni_manager' || role === 'admin';

/** `/whoami` answers null for a visitor (a 401 from `/me` was a console error on every public page). */
const fetchMe = () => api<Me | null>('/whoami');

/** The signed-in member, or null when signed out. */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Inside the signed-in area (RequireAuth guarantees the member is loaded). */
export function useCurrentMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe used outside RequireAuth');
  return data;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      await api('/auth/sign-in/email', { method: 'POST', body: input });
      return fetchMe();
    },
    onSuccess: (me) => {
      forgetEverythingBut(queryClient, ME_QUERY_KEY[0]);
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/sign-out', { method: 'POST', body: {} }),
    onSettled: () => {
      forgetEverythingBut(queryClient, ME_QUERY_KEY[0]);
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

/** Remembers the UI language on the server too (mail language), when signed in. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: UiLanguage) => api<Me>('/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
  });
}
