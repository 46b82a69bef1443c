import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MarkReadInput,
  MarkReadResult,
  Mute,
  MuteCreateInput,
  MuteList,
  NotificationList,
  NotificationPreferenceList,
  NotificationPreferencesUpdate,
  UnreadCount,
} from '#common/notifications';
import { api } from '#web/lib/api';

const KEY = ['notifications'] as const;
const COUNT_KEY = [...KEY, 'unread-count'] as const;
const LIST_KEY = [...KEY, 'list'] as const;
const PREFS_KEY = [...KEY, 'preferences'] as const;
const MUTES_KEY = [...KEY, 'mutes'] as const;

/** The bell's number: polled every 60 s and when the window regains focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: COUNT_KEY,
    queryFn: ({ signal }) => api<UnreadCount>('/notifications/unread-count', { signal }),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** My notifications grouped per thread, page after page (keyset cursor). */
export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: LIST_KEY,
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      api<NotificationList>(`/notifications${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) =>
      api<MarkReadResult>('/notifications/read', { method: 'POST', body: input }),
    onSuccess: (result) => {
      client.setQueryData<UnreadCount>(COUNT_KEY, { count: result.unread });
      void client.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: PREFS_KEY,
    queryFn: ({ signal }) => api<NotificationPreferenceList>('/notifications/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationPreferencesUpdate) =>
      api<NotificationPreferenceList>('/notifications/preferences', { method: 'PUT', body: input }),
    onSuccess: (data) => client.setQueryData(PREFS_KEY, data),
  });
}

export function useMutes() {
  return useQuery({
    queryKey: MUTES_KEY,
    queryFn: ({ signal }) => api<MuteList>('/notifications/mutes', { signal }),
  });
}

export function useMute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MuteCreateInput) =>
      api<Mute>('/notifications/mutes', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: MUTES_KEY }),
  });
}

export function useUnmute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, key }: { kind: Mute['kind']; key: string }) =>
      api<void>(`/notifications/mutes?kind=${kind}&key=${encodeURIComponent(key)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: MUTES_KEY }),
  });
}
