import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DismissInput,
  HideInput,
  MemberNote,
  MemberNoteList,
  ModerationResult,
  PostingStatus,
  ReportAck,
  ReportCreateInput,
  ReportDetail,
  ReportQueue,
  ReportStatus,
  Suspension,
  SuspensionCreate,
  SuspensionList,
} from '#common/moderation';
import { api } from '#web/lib/api';

const KEY = ['moderation'] as const;

export function useReportContent() {
  return useMutation({
    mutationFn: (input: ReportCreateInput) => api<ReportAck>('/reports', { method: 'POST', body: input }),
  });
}

/** The viewer's own posting status, for "paused until …" above a composer. */
export function usePostingStatus(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'posting-status'],
    queryFn: ({ signal }) => api<PostingStatus>('/me/posting-status', { signal }),
    enabled,
  });
}

export function useReportQueue(status: ReportStatus) {
  return useQuery({
    queryKey: [...KEY, 'queue', status],
    queryFn: ({ signal }) => api<ReportQueue>(`/moderation/reports?status=${status}`, { signal }),
  });
}

export function useReportDetail(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'report', id],
    queryFn: ({ signal }) => api<ReportDetail>(`/moderation/reports/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Every act refetches the queue, the open report and the suspensions. */
function useModerationAct<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useHideReported = (reportId: string) =>
  useModerationAct((input: HideInput) =>
    api<ModerationResult>(`/moderation/reports/${reportId}/hide`, { method: 'POST', body: input }),
  );

export const useDismissReport = (reportId: string) =>
  useModerationAct((input: DismissInput) =>
    api<ModerationResult>(`/moderation/reports/${reportId}/dismiss`, { method: 'POST', body: input }),
  );

export const useUnhide = () =>
  useModerationAct((target: { postId: string; commentId: string | null }) =>
    api<ModerationResult>(
      target.commentId
        ? `/moderation/comments/${target.commentId}/unhide`
        : `/moderation/posts/${target.postId}/unhide`,
      { method: 'POST' },
    ),
  );

export const useSuspend = () =>
  useModerationAct((input: SuspensionCreate) =>
    api<Suspension>('/moderation/suspensions', { method: 'POST', body: input }),
  );

export const useLiftSuspension = () =>
  useModerationAct((id: string) => api<Suspension>(`/moderation/suspensions/${id}/lift`, { method: 'POST' }));

export function useSuspensions() {
  return useQuery({
    queryKey: [...KEY, 'suspensions'],
    queryFn: ({ signal }) => api<SuspensionList>('/moderation/suspensions', { signal }),
  });
}

export function useMemberNotes(userId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'notes', userId],
    queryFn: ({ signal }) => api<MemberNoteList>(`/moderation/members/${userId}/notes`, { signal }),
    enabled: Boolean(userId),
  });
}

export const useAddMemberNote = (userId: string) =>
  useModerationAct((body: string) =>
    api<MemberNote>(`/moderation/members/${userId}/notes`, { method: 'POST', body: { body } }),
  );
