import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConnectionList } from '#common/connections';
import type {
  ConversationDetail,
  ConversationList,
  LiveMessageEvent,
  Message,
  MessagePage,
  PeopleReportDecision,
  PeopleReportDetail,
  PeopleReportQueue,
  PeopleReportStatus,
  Sent,
} from '#common/messaging';
import { api } from '#web/lib/api';

export const MESSAGING_KEY = ['conversations'] as const;

export function useConversations() {
  return useQuery({
    queryKey: [...MESSAGING_KEY, 'list'],
    queryFn: ({ signal }) => api<ConversationList>('/conversations', { signal }),
  });
}

/** The nav badge; kept fresh by the live stream, and every minute as a safety net. */
export function useUnreadMessages(enabled: boolean) {
  return useQuery({
    queryKey: [...MESSAGING_KEY, 'unread'],
    queryFn: ({ signal }) => api<{ totalUnread: number }>('/conversations/unread', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: [...MESSAGING_KEY, 'one', id],
    queryFn: ({ signal }) => api<ConversationDetail>(`/conversations/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useThread(id: string | undefined) {
  return useQuery({
    queryKey: [...MESSAGING_KEY, 'thread', id],
    queryFn: ({ signal }) => api<MessagePage>(`/conversations/${id}/messages`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSendMessage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<Message>(`/conversations/${id}/messages`, { method: 'POST', body: { body } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: MESSAGING_KEY }),
  });
}

export function useStartConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { participantIds: string[]; title?: string; body: string }) =>
      api<Sent>('/conversations', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: MESSAGING_KEY }),
  });
}

/** The viewer's connections whose name matches `term` (the group picker); nothing until typed. */
export function useConnectionSearch(term: string) {
  return useQuery({
    queryKey: ['connections', 'mine', 'search', term],
    queryFn: ({ signal }) =>
      api<ConnectionList>(`/connections?q=${encodeURIComponent(term)}&pageSize=8`, { signal }),
    enabled: term.length > 0,
    staleTime: 30_000,
  });
}

export function useMarkRead(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ConversationDetail>(`/conversations/${id}/read`, { method: 'POST' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...MESSAGING_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: [...MESSAGING_KEY, 'unread'] });
    },
  });
}

export function useMute(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (muted: boolean) =>
      api<ConversationDetail>(`/conversations/${id}/mute`, { method: 'PUT', body: { muted } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: MESSAGING_KEY }),
  });
}

export function useLeave(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/conversations/${id}/leave`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: MESSAGING_KEY }),
  });
}

export function useReportMessage() {
  return useMutation({
    mutationFn: ({ id, category, note }: { id: string; category: string; note?: string }) =>
      api<{ id: string }>(`/messages/${id}/report`, { method: 'POST', body: { category, note } }),
  });
}

/**
 * New messages without reloading: one EventSource on /api/conversations/stream while signed in.
 * The browser reconnects by itself and sends Last-Event-ID, so nothing is missed; each event
 * refreshes the lists, the thread and the badge.
 */
export function useLiveMessages(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/conversations/stream');
    source.addEventListener('message', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as LiveMessageEvent;
      void qc.invalidateQueries({ queryKey: [...MESSAGING_KEY, 'thread', data.conversationId] });
      void qc.invalidateQueries({ queryKey: [...MESSAGING_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: [...MESSAGING_KEY, 'unread'] });
    });
    return () => source.close();
  }, [enabled, qc]);
}

// ---- HR: people reports -------------------------------------------------------------------------

export function usePeopleReports(status: PeopleReportStatus) {
  return useQuery({
    queryKey: ['people-reports', status],
    queryFn: ({ signal }) => api<PeopleReportQueue>(`/admin/people-reports?status=${status}`, { signal }),
  });
}

export function usePeopleReport(id: string) {
  return useQuery({
    queryKey: ['people-reports', 'one', id],
    queryFn: ({ signal }) => api<PeopleReportDetail>(`/admin/people-reports/${id}`, { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDecidePeopleReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<PeopleReportDecision> & { decision: PeopleReportDecision['decision'] }) =>
      api<PeopleReportDetail>(`/admin/people-reports/${id}/decision`, { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['people-reports'] }),
  });
}
