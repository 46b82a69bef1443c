import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Profile, ProfileUpdate, VisibilityMap } from '#common/profiles';
import { api } from '#web/lib/api';
import { ME_QUERY_KEY } from '#web/lib/query-client';

export const memberQueryKey = (id: string) => ['member', id] as const;

export function useMember(id: string) {
  return useQuery({
    queryKey: memberQueryKey(id),
    queryFn: ({ signal }) => api<Profile>(`/members/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useUpdateMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ProfileUpdate) =>
      api<Profile>(`/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: update }),
    onSuccess: (profile) => {
      queryClient.setQueryData(memberQueryKey(id), profile);
      // Names and cards elsewhere may have changed.
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
      void queryClient.invalidateQueries({ queryKey: ['directory-facets'] });
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export const VISIBILITY_LIMITS_KEY = ['settings', 'profile-visibility'] as const;

export function useVisibilityLimits() {
  return useQuery({
    queryKey: VISIBILITY_LIMITS_KEY,
    queryFn: ({ signal }) => api<VisibilityMap>('/settings/profile-visibility', { signal }),
  });
}
