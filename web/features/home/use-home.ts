import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeEvents, HrHome, MemberHome } from '#common/home';
import { api } from '#web/lib/api';

const HOME_KEY = ['home'] as const;

/** The checklist and counts of the member home. */
export function useMemberHome() {
  return useQuery({
    queryKey: [...HOME_KEY, 'member'],
    queryFn: ({ signal }) => api<MemberHome>('/home', { signal }),
  });
}

export function useDismissChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dismissed: boolean) =>
      api<MemberHome>('/home/checklist', { method: 'PUT', body: { dismissed } }),
    onSuccess: (home) => client.setQueryData([...HOME_KEY, 'member'], home),
  });
}

/** HR's figures that need action and the latest activity. */
export function useHrHome(enabled: boolean) {
  return useQuery({
    queryKey: [...HOME_KEY, 'hr'],
    queryFn: ({ signal }) => api<HrHome>('/home/hr', { signal }),
    enabled,
  });
}

/** Upcoming events for you: the next few the viewer may see and their own next one. */
export function useHomeEvents(limit = 3) {
  return useQuery({
    queryKey: [...HOME_KEY, 'events', limit],
    queryFn: ({ signal }) => api<HomeEvents>(`/home/events?limit=${limit}`, { signal }),
  });
}
