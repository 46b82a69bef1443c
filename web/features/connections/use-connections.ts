import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BlockedList,
  ConnectionList,
  ConnectionRequestCreated,
  ConnectionRequestList,
  ConnectionsSettings,
  FollowState,
  PeopleReportCreate,
  Relation,
} from '#common/connections';
import { api } from '#web/lib/api';

const KEY = ['connections'] as const;
const relationKey = (id: string) => ['connections', 'relation', id] as const;
const enc = encodeURIComponent;

export function useRelation(memberId: string) {
  return useQuery({
    queryKey: relationKey(memberId),
    queryFn: ({ signal }) => api<Relation>(`/members/${enc(memberId)}/relation`, { signal }),
    retry: false,
  });
}

export function useMyConnections(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'mine', page, pageSize],
    queryFn: ({ signal }) =>
      api<ConnectionList>(`/connections?page=${page}&pageSize=${pageSize}`, { signal }),
  });
}

/** A member's connections (first page), fetched only when shown. */
export function useMemberConnections(memberId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'member', memberId],
    queryFn: ({ signal }) =>
      api<ConnectionList>(`/members/${enc(memberId)}/connections?pageSize=20`, { signal }),
    enabled,
  });
}

export function useRequests(direction: 'in' | 'out') {
  return useQuery({
    queryKey: [...KEY, 'requests', direction],
    queryFn: ({ signal }) =>
      api<ConnectionRequestList>(`/connections/requests?direction=${direction}&pageSize=50`, { signal }),
  });
}

export function useBlocked() {
  return useQuery({
    queryKey: [...KEY, 'blocked'],
    queryFn: ({ signal }) => api<BlockedList>('/blocks', { signal }),
  });
}

/** The nav badge: polled with the page, like the bell, no more. */
export function useConnectionsSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'summary'],
    queryFn: ({ signal }) => api<{ incomingRequests: number }>('/connections/summary', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useConnectionsSettings() {
  return useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: ({ signal }) => api<ConnectionsSettings>('/connections/settings', { signal }),
  });
}

/** Every write refreshes everything about connections (lists, badge, relations): they are small. */
function useConnectionsMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
}

export const useSendRequest = () =>
  useConnectionsMutation((vars: { toId: string; note?: string }) =>
    api<ConnectionRequestCreated>('/connections/requests', { method: 'POST', body: vars }),
  );

export const useDecideRequest = () =>
  useConnectionsMutation((vars: { id: string; decision: 'accept' | 'decline' | 'withdraw' }) =>
    api<{ status: string }>(`/connections/requests/${enc(vars.id)}/${vars.decision}`, { method: 'POST' }),
  );

export const useRemoveConnection = () =>
  useConnectionsMutation((memberId: string) =>
    api<null>(`/connections/${enc(memberId)}`, { method: 'DELETE' }),
  );

export const useFollow = () =>
  useConnectionsMutation((vars: { memberId: string; follow: boolean }) =>
    api<FollowState>(`/members/${enc(vars.memberId)}/follow`, { method: vars.follow ? 'POST' : 'DELETE' }),
  );

export const useBlock = () =>
  useConnectionsMutation((vars: { memberId: string; block: boolean }) =>
    api<{ blocked: boolean }>(`/members/${enc(vars.memberId)}/block`, {
      method: vars.block ? 'POST' : 'DELETE',
    }),
  );

export const useReportMember = () =>
  useConnectionsMutation((vars: { memberId: string; report: PeopleReportCreate }) =>
    api<{ id: string }>(`/members/${enc(vars.memberId)}/reports`, { method: 'POST', body: vars.report }),
  );

export const useSaveConnectionsSettings = () =>
  useConnectionsMutation((vars: ConnectionsSettings) =>
    api<ConnectionsSettings>('/connections/settings', { method: 'PUT', body: vars }),
  );
