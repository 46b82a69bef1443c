import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GeneralInterestInput,
  JobInterestInput,
  MyReturnInterests,
  ReturnInterest,
  ReturnInterestResult,
} from '#common/return-interests';
import { CONSENTS_QUERY_KEY } from '#web/features/consents/use-consents';
import { api } from '#web/lib/api';

export const RETURN_INTERESTS_KEY = ['return-interests'] as const;

/** The signed-in alumnus's own interests (general and per job) and their rehiring consent. */
export function useMyReturnInterests({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: RETURN_INTERESTS_KEY,
    queryFn: ({ signal }) => api<MyReturnInterests>('/me/return-interests', { signal }),
    enabled,
  });
}

/** Puts the changed interest into the cached list at once, then refetches the list. */
function applyResult(client: QueryClient, result: ReturnInterestResult) {
  const { interest, rehiringConsent } = result;
  client.setQueryData<MyReturnInterests>(RETURN_INTERESTS_KEY, (list) => {
    if (!list) return list;
    if (interest.kind === 'general') return { ...list, rehiringConsent, general: interest };
    const jobs = [interest, ...list.jobs.filter((j) => j.id !== interest.id)];
    return { ...list, rehiringConsent, jobs };
  });
  void client.invalidateQueries({ queryKey: RETURN_INTERESTS_KEY });
  // Granted with the interest: the privacy page's answers and history changed too.
  if (rehiringConsent) void client.invalidateQueries({ queryKey: CONSENTS_QUERY_KEY });
}

/** "I'm open to coming back": creates, updates or reactivates the general interest. */
export function useSaveGeneralInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GeneralInterestInput) =>
      api<ReturnInterestResult>('/me/return-interest', { method: 'PUT', body: input }),
    onSuccess: (result) => applyResult(client, result),
  });
}

/** "I'm interested" in one job (a repeat updates the message of the same interest). */
export function useRaiseJobInterest(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: JobInterestInput) =>
      api<ReturnInterestResult>(`/jobs/${encodeURIComponent(jobId)}/interest`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (result) => applyResult(client, result),
  });
}

export function useWithdrawInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (interest: Pick<ReturnInterest, 'id'>) =>
      api<ReturnInterestResult>(`/me/return-interests/${interest.id}/withdraw`, { method: 'POST' }),
    onSuccess: (result) => applyResult(client, result),
  });
}
