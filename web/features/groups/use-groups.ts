import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Group,
  GroupCard,
  GroupCreateInput,
  GroupEvents,
  GroupForYouList,
  GroupInvitationsResult,
  GroupList,
  GroupMember,
  GroupMemberList,
} from '#common/groups';
import { POSTS_KEY } from '#web/features/posts/use-posts';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

const KEY = ['groups'] as const;

export interface GroupListParams {
  q?: string;
  kind?: string;
  mine?: boolean;
  status?: string;
  page?: number;
  pageSize?: number;
}

export function useGroups(params: GroupListParams) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) =>
      api<GroupList>(`/groups${toQueryString({ ...params, mine: params.mine ? 'true' : undefined })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useGroupsForYou(limit = 6) {
  return useQuery({
    queryKey: [...KEY, 'for-you', limit],
    queryFn: ({ signal }) => api<GroupForYouList>(`/groups/for-you?limit=${limit}`, { signal }),
  });
}

export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api<Group>(`/groups/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The group's coming events the viewer may see, and whether they may add one. */
export function useGroupEvents(id: string) {
  return useQuery({
    queryKey: [...KEY, 'events', id],
    queryFn: ({ signal }) => api<GroupEvents>(`/groups/${id}/events?limit=5`, { signal }),
  });
}

export function useGroupMembers(
  id: string,
  state: 'active' | 'requested' | 'invited',
  page = 1,
  enabled = true,
) {
  return useQuery({
    queryKey: [...KEY, 'members', id, state, page],
    queryFn: ({ signal }) =>
      api<GroupMemberList>(`/groups/${id}/members${toQueryString({ state, page, pageSize: 50 })}`, {
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * Any write on one group: the group and every list are read again, and so are the posts (joining
 * or leaving changes which of the group's posts the member may see in its feed).
 */
function useGroupWrite<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (out) => {
      if (out && typeof out === 'object' && 'canManage' in out) {
        client.setQueryData([...KEY, 'one', (out as unknown as Group).id], out);
      }
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: POSTS_KEY });
    },
  });
}

export const useCreateGroup = () =>
  useGroupWrite((input: GroupCreateInput) => api<Group>('/groups', { method: 'POST', body: input }));

export const useGroupAction = (id: string) =>
  useGroupWrite((action: 'join' | 'leave' | 'invitation/accept' | 'invitation/decline' | 'archive') =>
    api<Group>(`/groups/${id}/${action}`, { method: 'POST' }),
  );

export const useDecideGroup = () =>
  useGroupWrite((input: { id: string; decision: 'approve' | 'decline'; note?: string }) =>
    api<Group>(`/groups/${input.id}/decision`, {
      method: 'POST',
      body: { decision: input.decision, note: input.note },
    }),
  );

export const useDecideRequest = (id: string) =>
  useGroupWrite((input: { userId: string; decision: 'approve' | 'decline' }) =>
    api<GroupMember | null>(`/groups/${id}/requests/${input.userId}`, {
      method: 'POST',
      body: { decision: input.decision },
    }),
  );

export const useSetRole = (id: string) =>
  useGroupWrite((input: { userId: string; role: 'admin' | 'member' }) =>
    api<GroupMember>(`/groups/${id}/members/${input.userId}/role`, {
      method: 'PUT',
      body: { role: input.role },
    }),
  );

export const useRemoveMember = (id: string) =>
  useGroupWrite((userId: string) => api<null>(`/groups/${id}/members/${userId}`, { method: 'DELETE' }));

export const useInvite = (id: string) =>
  useGroupWrite((memberIds: string[]) =>
    api<GroupInvitationsResult>(`/groups/${id}/invitations`, { method: 'POST', body: { memberIds } }),
  );

/** The group's name in the UI language, the other one when that is missing. */
export const groupName = (g: Pick<GroupCard, 'nameJa' | 'nameEn'>, lang: 'ja' | 'en') =>
  (lang === 'en' ? (g.nameEn ?? g.nameJa) : (g.nameJa ?? g.nameEn)) ?? '';
export const groupDescription = (g: Pick<GroupCard, 'descriptionJa' | 'descriptionEn'>, lang: 'ja' | 'en') =>
  (lang === 'en' ? (g.descriptionEn ?? g.descriptionJa) : (g.descriptionJa ?? g.descriptionEn)) ?? '';
