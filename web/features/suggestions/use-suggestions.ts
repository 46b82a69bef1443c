import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SuggestionList, SuggestionListResult } from '#common/suggestions';
import { api } from '#web/lib/api';

const KEY = ['people-suggestions'] as const;

export function useSuggestions(list: SuggestionList, limit = 20) {
  return useQuery({
    queryKey: [...KEY, list, limit],
    queryFn: ({ signal }) =>
      api<SuggestionListResult>(`/people/suggestions?list=${list}&limit=${limit}`, { signal }),
    // Every read counts an impression (decision 038): no refetch on focus.
    refetchOnWindowFocus: false,
  });
}

export function useDismissSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/people/suggestions/${id}/dismiss`, { method: 'POST' }),
    onSuccess: (_data, id) => {
      client.setQueriesData<SuggestionListResult>({ queryKey: KEY }, (old) =>
        old ? { ...old, items: old.items.filter((i) => i.member.id !== id) } : old,
      );
    },
  });
}

/** The connection request (the connections feature's contract: `POST /api/connections/requests`). */
export function useConnect() {
  return useMutation({
    mutationFn: (toId: string) => api<unknown>('/connections/requests', { method: 'POST', body: { toId } }),
  });
}
