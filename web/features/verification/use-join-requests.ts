import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EligibilityRules,
  JoinRequest,
  JoinRequestApprove,
  JoinRequestInput,
  KnownLeaveReasons,
} from '#common/verification';
import { api } from '#web/lib/api';

const KEY = ['join-requests'] as const;
const RULES_KEY = ['settings', 'eligibility'] as const;

export function useSubmitJoinRequest() {
  return useMutation({
    mutationFn: (input: JoinRequestInput) =>
      api<{ status: 'received' }>('/join-requests', { method: 'POST', body: input }),
  });
}

export function useJoinRequests(status: 'pending' | 'decided') {
  return useQuery({
    queryKey: [...KEY, status],
    queryFn: ({ signal }) => api<{ items: JoinRequest[] }>(`/join-requests?status=${status}`, { signal }),
  });
}

export function useDecideJoinRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      d:
        | { id: string; action: 'approve'; body: JoinRequestApprove }
        | { id: string; action: 'reject'; body: { note: string } },
    ) =>
      api<JoinRequest>(`/join-requests/${encodeURIComponent(d.id)}/${d.action}`, {
        method: 'POST',
        body: d.body,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEligibilityRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => api<EligibilityRules>('/settings/eligibility', { signal }),
  });
}

/** The leave-reason codes found in the HR records (HR only). */
export function useKnownLeaveReasons() {
  return useQuery({
    queryKey: [...RULES_KEY, 'leave-reasons'],
    queryFn: ({ signal }) => api<KnownLeaveReasons>('/settings/eligibility/leave-reasons', { signal }),
  });
}

export function useSaveEligibilityRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: EligibilityRules) =>
      api<EligibilityRules>('/settings/eligibility', { method: 'PUT', body: rules }),
    onSuccess: (rules) => {
      queryClient.setQueryData(RULES_KEY, rules);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
}
