import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobList } from '#common/jobs';
import type {
  AdminReferral,
  AdminReferralList,
  MyReferral,
  MyReferralList,
  ReferralConsentDecision,
  ReferralConsentView,
  ReferralCreate,
  ReferralJob,
  RewardRuleInput,
  RewardRuleView,
} from '#common/referrals';
import { api } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';

const KEY = ['referrals'] as const;

/** My referrals and the reward rule (while enabled). */
export function useMyReferrals() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api<MyReferralList>('/me/referrals', { signal }),
  });
}

export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReferralCreate) => api<MyReferral>('/referrals', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'mine'] }),
  });
}

export function useResendReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<MyReferral>(`/me/referrals/${id}/resend`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'mine'] }),
  });
}

/**
 * Listed jobs the member may refer someone outside for (the first page of the jobs list, without
 * internal and group jobs: the candidate would read their title). If the list cannot be read,
 * the form still works: a general referral needs no job.
 */
export function useReferableJobs(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'jobs'],
    queryFn: async ({ signal }): Promise<ReferralJob[]> => {
      const list = await api<JobList>('/jobs?pageSize=50', { signal });
      return list.items
        .filter((j) => j.referable)
        .map((j) => ({ id: j.id, titleJa: j.titleJa, titleEn: j.titleEn }));
    },
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

/**
 * What the candidate is asked to agree to, or the state of their answer. The token goes in a POST
 * body, never in a URL (decision 019). Keyed by language: the server words its "invalid" and
 * "expired" answers in the reader's language, so a switch asks again.
 */
export function useConsentRequest(token: string) {
  const lang = useLanguage();
  return useQuery({
    queryKey: [...KEY, 'consent', token, lang],
    queryFn: ({ signal }) =>
      api<ReferralConsentView>('/referral-consent/view', { method: 'POST', body: { token }, signal }),
    enabled: token !== '',
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useDecideConsent(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: ReferralConsentDecision['decision']) =>
      api<ReferralConsentView>('/referral-consent/decide', {
        method: 'POST',
        body: { token, decision },
      }),
    onSuccess: (view) => {
      client.setQueriesData({ queryKey: [...KEY, 'consent', token] }, view);
    },
  });
}

export interface AdminReferralFilters {
  status: string;
  reward: string;
  page: number;
}

export const ADMIN_PAGE_SIZE = 50;

export function useAdminReferrals({ status, reward, page }: AdminReferralFilters) {
  return useQuery({
    queryKey: [...KEY, 'admin', status, reward, page],
    queryFn: ({ signal }) =>
      api<AdminReferralList>(
        `/admin/referrals?status=${status}&reward=${reward}&page=${page}&pageSize=${ADMIN_PAGE_SIZE}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRewardPaid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<AdminReferral>(`/admin/referrals/${id}/reward-paid`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'admin'] }),
  });
}

export function useRewardRule() {
  return useQuery({
    queryKey: [...KEY, 'rule'],
    queryFn: ({ signal }) => api<RewardRuleView>('/admin/referral-reward-rule', { signal }),
  });
}

export function useSaveRewardRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: RewardRuleInput) =>
      api<RewardRuleView>('/admin/referral-reward-rule', { method: 'PUT', body: rule }),
    onSuccess: (rule) => {
      client.setQueryData([...KEY, 'rule'], rule);
      void client.invalidateQueries({ queryKey: [...KEY, 'mine'] });
    },
  });
}
