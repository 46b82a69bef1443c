import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Invitation,
  InvitationCreate,
  InvitationList,
  InvitationListQuery,
  Me,
} from '#common/invitations';
import type { Role } from '#common/roles';
import { api } from '#web/lib/api';
import { forgetEverythingBut, ME_QUERY_KEY } from '#web/lib/query-client';

export interface InvitationPreview {
  email: string;
  displayName: string;
  role: Role;
  expiresAt: string;
}

const INVITATIONS_KEY = ['invitations'] as const;
export type InvitationFilters = Pick<InvitationListQuery, 'status' | 'delivery'>;

const queryString = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Invitations newest first, page by page ("show more"), filtered by status and delivery. */
export function useInvitations(filters: InvitationFilters = {}) {
  return useInfiniteQuery({
    queryKey: [...INVITATIONS_KEY, filters],
    queryFn: ({ signal, pageParam }) =>
      api<InvitationList>(`/invitations${queryString({ ...filters, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Delivery happens in the background: keep the status column fresh while someone watches it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((i) => i.deliveryStatus === 'queued')) ? 3000 : false,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationCreate) => api<Invitation>('/invitations', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

/** Resend (new link, new expiry, new email) or revoke one invitation. */
export function useInvitationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'resend' | 'revoke' }) =>
      api<Invitation>(`/invitations/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      api<InvitationPreview>(`/invitations/accept/${encodeURIComponent(token)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string; passwordConfirm: string; locale: 'ja' | 'en' }) =>
      api<Me>(`/invitations/accept/${encodeURIComponent(token)}`, { method: 'POST', body: input }),
    onSuccess: (me) => {
      // The preview on screen stays: refetched, it would show "already used" before we navigate.
      forgetEverythingBut(queryClient, ME_QUERY_KEY[0], 'invitation-preview');
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}
