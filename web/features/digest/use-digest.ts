import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestFrequency, DigestSettings } from '#common/digest';
import { api } from '#web/lib/api';

export const DIGEST_QUERY_KEY = ['me-digest'] as const;

/** The signed-in member's digest settings (frequency, and the newsletter consent behind it). */
export function useDigestSettings() {
  return useQuery({
    queryKey: DIGEST_QUERY_KEY,
    queryFn: ({ signal }) => api<DigestSettings>('/me/digest', { signal }),
  });
}

export function useSaveDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frequency: DigestFrequency) =>
      api<DigestSettings>('/me/digest', { method: 'PUT', body: { frequency } }),
    onSuccess: (settings) => queryClient.setQueryData(DIGEST_QUERY_KEY, settings),
  });
}

/** The unsubscribe page's button: a POST with the mail's token (no session needed). */
export function useUnsubscribeByToken() {
  return useMutation({
    mutationFn: (token: string) =>
      api<{ frequency: 'off' }>(`/digest/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' }),
  });
}
