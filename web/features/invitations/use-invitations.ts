import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InvitationCreate, Me } from '../../../common/invitations';
import type { Role } from '../../../common/roles';
import { api } from '../../lib/api';
import { forgetEverythingBut, ME_QUERY_KEY } from '../../lib/query-client';

export interface InvitationPreview {
  email: string;
  displayName: string;
  role: Role;
  expiresAt: string;
}

const INVITATIONS_KEY = ['invitations'] as const;

export function useInvitations() {
  return useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: ({ signal }) => api<{ items: Invitation[] }>('/invitations', { signal }),
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationCreate) => api<Invitation>('/invitations', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      api<InvitationPreview>(`/invitations/accept/${encodeURIComponent(token)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
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
