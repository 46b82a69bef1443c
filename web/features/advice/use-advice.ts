import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdviceDecision,
  AdviceList,
  AdviceRequest,
  AdviceRequestCreate,
  AdviceStats,
  AdviceTarget,
} from '#common/advice';
import type { DirectoryResult } from '#common/directory';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

const KEY = ['advice'] as const;

export function useAdviceRequests() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api<AdviceList>('/advice-requests', { signal }),
  });
}

export function useAdviceTarget(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'target', id],
    queryFn: ({ signal }) => api<AdviceTarget>(`/advice-targets/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useAdviceStats() {
  return useQuery({
    queryKey: [...KEY, 'stats'],
    queryFn: ({ signal }) => api<AdviceStats>('/advice-stats', { signal }),
  });
}

/** The `/mentors` preset: the directory's own search, filtered by one offer flag. */
export function useOffering(flag: string, q: string, page: number, pageSize: number) {
  const qs = toQueryString({ availability: flag, q: q || undefined, page, pageSize });
  return useQuery({
    queryKey: ['directory', qs],
    queryFn: ({ signal }) => api<DirectoryResult>(`/directory${qs}`, { signal }),
  });
}

function useAdviceWrite<I>(run: (input: I) => Promise<AdviceRequest>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useSendAdviceRequest = () =>
  useAdviceWrite((input: AdviceRequestCreate) =>
    api<AdviceRequest>('/advice-requests', { method: 'POST', body: input }),
  );

export const useDecideAdviceRequest = () =>
  useAdviceWrite(({ id, ...input }: AdviceDecision & { id: string }) =>
    api<AdviceRequest>(`/advice-requests/${id}/decision`, { method: 'POST', body: input }),
  );

export const useWithdrawAdviceRequest = () =>
  useAdviceWrite((id: string) => api<AdviceRequest>(`/advice-requests/${id}/withdraw`, { method: 'POST' }));
