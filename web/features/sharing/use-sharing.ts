import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShareKitAnswer, ShareStats } from '#common/sharing';
import { api } from '#web/lib/api';

const key = (postId: string) => ['share-kit', postId] as const;

/** The post's share kit and the viewer's link if they made one. */
export function useShareKit(postId: string | undefined) {
  return useQuery({
    queryKey: key(postId ?? ''),
    queryFn: ({ signal }) => api<ShareKitAnswer>(`/posts/${postId}/share-link`, { signal }),
    enabled: Boolean(postId),
    retry: false,
  });
}

export function useCreateShareLink(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<ShareKitAnswer>(`/posts/${postId}/share-link`, { method: 'POST' }),
    onSuccess: (kit) => client.setQueryData(key(postId), kit),
  });
}

export function useShareStats(postId: string) {
  return useQuery({
    queryKey: ['share-stats', postId],
    queryFn: ({ signal }) => api<ShareStats>(`/posts/${postId}/share-stats`, { signal }),
    retry: false,
  });
}
