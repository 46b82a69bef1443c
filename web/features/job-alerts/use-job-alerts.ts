import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  JobAlert,
  JobAlertCreate,
  JobAlertList,
  JobAlertMatchList,
  JobAlertUpdate,
} from '#common/job-alerts';
import { api } from '#web/lib/api';

const ALERTS_KEY = ['job-alerts'] as const;
const MATCHES_KEY = ['job-alerts', 'matches'] as const;

/** My alerts, and whether alert email may go out (newsletter consent). */
export function useJobAlerts() {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'list'],
    queryFn: ({ signal }) => api<JobAlertList>('/me/job-alerts', { signal }),
  });
}

/** "New jobs for you": what my alerts matched, still listed and visible to me. */
export function useJobAlertMatches() {
  return useQuery({
    queryKey: MATCHES_KEY,
    queryFn: ({ signal }) => api<JobAlertMatchList>('/me/job-alerts/matches', { signal }),
  });
}

function useAlertMutation<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...ALERTS_KEY, 'list'] });
      // A changed or deleted alert changes what it found.
      void client.invalidateQueries({ queryKey: MATCHES_KEY });
    },
  });
}

export const useCreateJobAlert = () =>
  useAlertMutation((input: JobAlertCreate) =>
    api<JobAlert>('/me/job-alerts', { method: 'POST', body: input }),
  );

export const useUpdateJobAlert = () =>
  useAlertMutation(({ id, input }: { id: string; input: JobAlertUpdate }) =>
    api<JobAlert>(`/me/job-alerts/${id}`, { method: 'PATCH', body: input }),
  );

export const useDeleteJobAlert = () =>
  useAlertMutation((id: string) => api<void>(`/me/job-alerts/${id}`, { method: 'DELETE' }));

/**
 * Marks every match seen. The list on screen keeps its "new" marks for this visit; only the
 * unseen count (the badge) drops to zero.
 */
export function useMarkMatchesSeen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/me/job-alerts/matches/seen', { method: 'POST' }),
    onSuccess: () => {
      client.setQueryData<JobAlertMatchList>(MATCHES_KEY, (old) => (old ? { ...old, unseen: 0 } : old));
    },
  });
}
