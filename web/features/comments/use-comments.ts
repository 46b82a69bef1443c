import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment, CommentPage, ReactionState, ReactionType, Reactors } from '#common/comments';
import { api } from '#web/lib/api';

const key = (postId: string) => ['comments', postId] as const;

/** The post's comments, page after page (keyset cursor from the server). */
export function useComments(postId: string) {
  return useInfiniteQuery({
    queryKey: key(postId),
    queryFn: ({ pageParam, signal }) =>
      api<CommentPage>(
        `/posts/${postId}/comments${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
}

/** Every comment write refetches the thread (a reply or a delete changes placeholders). */
function useCommentMutation<T, R>(postId: string, run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: key(postId) }),
  });
}

export const useAddComment = (postId: string) =>
  useCommentMutation(postId, (input: { bodyMarkdown: string; parentId?: string }) =>
    api<Comment>(`/posts/${postId}/comments`, { method: 'POST', body: input }),
  );

export const useEditComment = (postId: string) =>
  useCommentMutation(postId, ({ id, bodyMarkdown }: { id: string; bodyMarkdown: string }) =>
    api<Comment>(`/comments/${id}`, { method: 'PATCH', body: { bodyMarkdown } }),
  );

export const useDeleteComment = (postId: string) =>
  useCommentMutation(postId, (id: string) => api<null>(`/comments/${id}`, { method: 'DELETE' }));

export const useToggleReaction = (postId: string) =>
  useMutation({
    mutationFn: ({ reaction, on }: { reaction: ReactionType; on: boolean }) =>
      api<ReactionState>(`/posts/${postId}/reactions/${reaction}`, { method: on ? 'PUT' : 'DELETE' }),
  });

/** The post's reaction counts, mine and who reacted (the posts feature's answer carries counts too). */
export function useReactions(postId: string) {
  return useQuery({
    queryKey: ['reactions', postId],
    queryFn: ({ signal }) => api<Reactors>(`/posts/${postId}/reactions`, { signal }),
    retry: false,
  });
}
