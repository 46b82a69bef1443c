import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PositionInput, Profile, ProfileUpdate, VisibilityMap } from '#common/profiles';
import { api, uploadForm } from '#web/lib/api';
import { ME_QUERY_KEY } from '#web/lib/query-client';

export const memberQueryKey = (id: string) => ['member', id] as const;

export function useMember(id: string) {
  return useQuery({
    queryKey: memberQueryKey(id),
    queryFn: ({ signal }) => api<Profile>(`/members/${encodeURIComponent(id)}`, { signal }),
  });
}

/** "View as": the owner's profile as an alumnus or an employee sees it (decision 041). */
export function useMemberAs(id: string, viewAs: 'alumni' | 'employee' | null) {
  return useQuery({
    queryKey: [...memberQueryKey(id), 'as', viewAs],
    enabled: viewAs !== null,
    retry: false,
    queryFn: ({ signal }) => api<Profile>(`/members/${encodeURIComponent(id)}?viewAs=${viewAs}`, { signal }),
  });
}

/** Photo and timeline changes answer with the whole profile, which replaces the cached one. */
function useProfileChange<V>(id: string, send: (vars: V) => Promise<Profile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (profile) => {
      queryClient.setQueryData(memberQueryKey(id), profile);
      void queryClient.invalidateQueries({
        queryKey: memberQueryKey(id),
        predicate: (q) => q.queryKey.length > 2,
      });
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
}

export function useSetPhoto(id: string) {
  return useProfileChange(
    id,
    ({ file, crop }: { file: File; crop: { x: number; y: number; size: number } }) => {
      const form = new FormData();
      form.append('file', file);
      form.append('x', String(crop.x));
      form.append('y', String(crop.y));
      form.append('size', String(crop.size));
      return uploadForm<Profile>(`/members/${encodeURIComponent(id)}/photo`, form, 'PUT');
    },
  );
}

export function useRemovePhoto(id: string) {
  return useProfileChange(id, () =>
    api<Profile>(`/members/${encodeURIComponent(id)}/photo`, { method: 'DELETE' }),
  );
}

export function useSavePosition(id: string) {
  return useProfileChange(id, ({ positionId, input }: { positionId?: string; input: PositionInput }) =>
    positionId
      ? api<Profile>(`/members/${encodeURIComponent(id)}/positions/${encodeURIComponent(positionId)}`, {
          method: 'PUT',
          body: input,
        })
      : api<Profile>(`/members/${encodeURIComponent(id)}/positions`, { method: 'POST', body: input }),
  );
}

export function useDeletePosition(id: string) {
  return useProfileChange(id, (positionId: string) =>
    api<Profile>(`/members/${encodeURIComponent(id)}/positions/${encodeURIComponent(positionId)}`, {
      method: 'DELETE',
    }),
  );
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
