import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectoryResult } from '#common/directory';
import type {
  ExitCase,
  ExitCaseCreate,
  ExitCaseList,
  ExitCaseUpdate,
  RehireEligibilityUpdate,
} from '#common/exits';
import { api } from '#web/lib/api';

const CASES_KEY = ['exit-cases'] as const;

/** Cases the viewer may see (HR: all open; a manager: their reports'; the leaver: their own). */
export function useExitCases(status: 'open' | 'completed' | 'cancelled' | 'all' = 'open') {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', status],
    queryFn: ({ signal }) => api<ExitCaseList>(`/exit-cases?status=${status}`, { signal }),
  });
}

export function useExitCase(id: string | undefined) {
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: ({ signal }) => api<ExitCase>(`/exit-cases/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

function useCaseMutation<T>(run: (input: T) => Promise<ExitCase>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (row) => {
      client.setQueryData([...CASES_KEY, 'one', row.id], row);
      void client.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
    },
  });
}

export const useOpenCase = () =>
  useCaseMutation((input: ExitCaseCreate) => api<ExitCase>('/exit-cases', { method: 'POST', body: input }));

export const useUpdateCase = (id: string) =>
  useCaseMutation((input: ExitCaseUpdate) =>
    api<ExitCase>(`/exit-cases/${id}`, { method: 'PATCH', body: input }),
  );

export const useCancelCase = (id: string) =>
  useCaseMutation((_: undefined) => api<ExitCase>(`/exit-cases/${id}/cancel`, { method: 'POST' }));

export const useSetRehire = (id: string) =>
  useCaseMutation((input: RehireEligibilityUpdate) =>
    api<ExitCase>(`/exit-cases/${id}/rehire-eligibility`, { method: 'PUT', body: input }),
  );

/** Member picker: the directory API over everyone (HR scope), searched by name. */
export function useMemberSearch(q: string, roles = 'employee,alumni_manager,admin,leaver') {
  return useQuery({
    queryKey: ['exit-member-search', q, roles],
    queryFn: ({ signal }) =>
      api<DirectoryResult>(`/directory?scope=all&role=${roles}&q=${encodeURIComponent(q)}&pageSize=8`, {
        signal,
      }),
    enabled: q.trim().length >= 1,
    staleTime: 30_000,
  });
}
