import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompanyPosterList,
  MentionableList,
  Post,
  PostCreateInput,
  PostMedia,
  PostPage,
  PostRevisionList,
  PostUpdateInput,
} from '#common/posts';
import { api, uploadForm } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

export const POSTS_KEY = ['posts'] as const;

/** A keyset-paged list: the home feed (`/feed`), a group's or a topic's posts, a search. */
export function usePostPages(path: string, params: Record<string, string | undefined> = {}) {
  return useInfiniteQuery({
    queryKey: [...POSTS_KEY, 'pages', path, params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PostPage>(`${path}${toQueryString({ ...params, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePost(id: string | undefined) {
  return useQuery({
    queryKey: [...POSTS_KEY, 'one', id],
    queryFn: ({ signal }) => api<Post>(`/posts/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useComposerInfo() {
  return useQuery({
    queryKey: [...POSTS_KEY, 'composer'],
    queryFn: ({ signal }) => api<{ canPostCompany: boolean }>('/posts/composer', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useMentionable(q: string, preset: string, groupId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...POSTS_KEY, 'mentionable', q, preset, groupId],
    queryFn: ({ signal }) =>
      api<MentionableList>(`/posts/mentionable${toQueryString({ q, preset, groupId })}`, { signal }),
    enabled,
  });
}

export function useRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...POSTS_KEY, 'revisions', id],
    queryFn: ({ signal }) => api<PostRevisionList>(`/posts/${id}/revisions`, { signal }),
    enabled,
  });
}

const useInvalidate = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: POSTS_KEY });
};

export function useCreatePost() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PostCreateInput) => api<Post>('/posts', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdatePost(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PostUpdateInput) => api<Post>(`/posts/${id}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeletePost(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<void>(`/posts/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function usePin(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (pinned: boolean) => api<Post>(`/posts/${id}/pin`, { method: pinned ? 'PUT' : 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function uploadPostMedia(file: File) {
  const form = new FormData();
  form.append('file', file);
  return uploadForm<PostMedia>('/posts/media', form);
}

export const previewPost = (bodyMarkdown: string) =>
  api<{ bodyHtml: string }>('/posts/preview', { method: 'POST', body: { bodyMarkdown } });

const POSTERS_KEY = [...POSTS_KEY, 'posters'] as const;

export function usePosters() {
  return useQuery({
    queryKey: POSTERS_KEY,
    queryFn: ({ signal }) => api<CompanyPosterList>('/admin/company-posters', { signal }),
  });
}

export function useAppointPoster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api('/admin/company-posters', { method: 'POST', body: { userId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: POSTERS_KEY }),
  });
}

export function useRemovePoster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api(`/admin/company-posters/${userId}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: POSTERS_KEY }),
  });
}
