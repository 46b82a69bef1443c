import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FreshnessSettings, FreshnessSummary, MyFreshness } from '#common/freshness';
import { api } from '#web/lib/api';

const MINE_KEY = ['me', 'freshness'] as const;
const SETTINGS_KEY = ['settings', 'freshness'] as const;
const SUMMARY_KEY = ['freshness', 'summary'] as const;

export function useMyFreshness() {
  return useQuery({
    queryKey: MINE_KEY,
    queryFn: ({ signal }) => api<MyFreshness>('/me/freshness', { signal }),
  });
}

export function useConfirmMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ confirmedAt: string }>('/me/freshness/confirm', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MINE_KEY }),
  });
}

export function useConfirmByToken() {
  return useMutation({
    mutationFn: (token: string) =>
      api<{ confirmedAt: string }>('/freshness/confirm', { method: 'POST', body: { token } }),
  });
}

/** HR only (others get a 404): pass `enabled: false` for other viewers. */
export function useFreshnessSettings({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api<FreshnessSettings>('/settings/freshness', { signal }),
    enabled,
  });
}

export function useSaveFreshnessSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: FreshnessSettings) =>
      api<FreshnessSettings>('/settings/freshness', { method: 'PUT', body: settings }),
    onSuccess: (settings) => {
      queryClient.setQueryData(SETTINGS_KEY, settings);
      void queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
    },
  });
}

export function useFreshnessSummary() {
  return useQuery({
    queryKey: SUMMARY_KEY,
    queryFn: ({ signal }) => api<FreshnessSummary>('/freshness/summary', { signal }),
  });
}
