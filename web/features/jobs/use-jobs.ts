import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminJobFilter,
  AdminJobList,
  Job,
  JobCreateInput,
  JobFitList,
  JobList,
  JobUpdateInput,
} from '#common/jobs';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

const JOBS_KEY = ['jobs'] as const;

/** The member list: `qs` is the query string built from the URL state (job-search-state.ts). */
export function useJobs(qs: string) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'list', qs],
    queryFn: ({ signal }) => api<JobList>(`/jobs${qs}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFitJobs(page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'fit', page, pageSize],
    queryFn: ({ signal }) => api<JobFitList>(`/jobs/fit${toQueryString({ page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'one', id],
    queryFn: ({ signal }) => api<Job>(`/jobs/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useAdminJobs(status: AdminJobFilter, page: number, pageSize = 25) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'admin', status, page, pageSize],
    queryFn: ({ signal }) =>
      api<AdminJobList>(`/admin/jobs${toQueryString({ status, page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every write returns the job as HR sees it; lists are refetched (state and audience may change). */
function useJobMutation<T>(run: (input: T) => Promise<Job>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (job) => {
      client.setQueryData([...JOBS_KEY, 'one', job.id], job);
      void client.invalidateQueries({
        queryKey: JOBS_KEY,
        predicate: (q) => q.queryKey[1] !== 'one' || q.queryKey[2] !== job.id,
      });
    },
  });
}

export const useCreateJob = () =>
  useJobMutation((input: JobCreateInput) => api<Job>('/jobs', { method: 'POST', body: input }));

export const useUpdateJob = () =>
  useJobMutation(({ id, input }: { id: string; input: JobUpdateInput }) =>
    api<Job>(`/jobs/${id}`, { method: 'PATCH', body: input }),
  );

export const usePublishJob = () =>
  useJobMutation((id: string) => api<Job>(`/jobs/${id}/publish`, { method: 'POST' }));

export const useCloseJob = () =>
  useJobMutation((id: string) => api<Job>(`/jobs/${id}/close`, { method: 'POST' }));
