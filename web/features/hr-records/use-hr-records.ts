import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { HrImport, ImportEncoding, ImportErrors, ImportMapping, ImportPreview } from '#common/hr-import';
import type { HrRecord, HrRecordFilter } from '#common/hr-records';
import type { InvitationBatch, InvitationBatchAccepted } from '#common/invitations';
import { i18n } from '#web/i18n';
import { ApiError, api, currentLanguage, upload } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

const IMPORTS_KEY = ['hr-imports'] as const;
const RECORDS_KEY = ['hr-records'] as const;

export function useHrImports() {
  return useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: ({ signal }) => api<{ items: HrImport[]; maxBytes: number }>('/hr-imports', { signal }),
  });
}

/** One import; polled every second while it is queued or running (so a reload picks it up again). */
export function useHrImport(id: string) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id],
    queryFn: ({ signal }) => api<HrImport>(`/hr-imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}

export function useImportPreview(
  id: string,
  mapping: ImportMapping | null,
  encoding: ImportEncoding | undefined,
) {
  const qs = toQueryString({ mapping: mapping ? JSON.stringify(mapping) : undefined, encoding });
  return useQuery({
    queryKey: [...IMPORTS_KEY, id, 'preview', qs],
    queryFn: ({ signal }) =>
      api<ImportPreview>(`/hr-imports/${encodeURIComponent(id)}/preview${qs}`, { signal }),
    enabled: mapping !== null,
    placeholderData: keepPreviousData,
  });
}

/** The rejected rows of a finished import, a page at a time, in the UI language. */
export function useImportErrors(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id, 'errors', page, currentLanguage()],
    queryFn: ({ signal }) =>
      api<ImportErrors>(`/hr-imports/${encodeURIComponent(id)}/errors?page=${page}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The CSV goes as the raw request body (streamed to disk by the server), not as JSON. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: 'auto' | ImportEncoding }) =>
      upload<HrImport>(`/hr-imports${toQueryString({ fileName: file.name, encoding })}`, file, {
        contentType: 'text/csv',
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY }),
  });
}

export function useStartImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { mapping: ImportMapping; encoding: ImportEncoding }) => {
      await api<HrImport>(`/hr-imports/${encodeURIComponent(id)}/mapping`, { method: 'PUT', body: input });
      return api<HrImport>(`/hr-imports/${encodeURIComponent(id)}/start`, { method: 'POST' });
    },
    onSuccess: (row) => {
      queryClient.setQueryData([...IMPORTS_KEY, id], row);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });
}

export function useCancelImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<HrImport>(`/hr-imports/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    onSuccess: (row) => {
      queryClient.setQueryData([...IMPORTS_KEY, id], row);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });
}

/** Downloads the error CSV in the UI language (a plain link would use the browser's language). */
export async function downloadErrorsCsv(row: HrImport) {
  const response = await fetch(`/api/hr-imports/${encodeURIComponent(row.id)}/errors.csv`, {
    credentials: 'same-origin',
    headers: { 'accept-language': currentLanguage() },
  });
  if (!response.ok) throw new ApiError(response.status, 'internal', i18n.t('errors.generic'));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${row.fileName.replace(/\.csv$/i, '')}-errors.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useHrRecords(filter: HrRecordFilter) {
  const qs = toQueryString({ ...filter, hasEmail: filter.hasEmail ? 'true' : undefined });
  return useInfiniteQuery({
    queryKey: [...RECORDS_KEY, qs],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api<{ items: HrRecord[]; nextCursor: string | null }>(
        `/hr-records${qs}${pageParam ? `${qs ? '&' : '?'}cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useInviteRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recordIds: string[] } | { filter: HrRecordFilter }) =>
      api<InvitationBatchAccepted>('/invitations/from-records', { method: 'POST', body: input }),
    onSuccess: (accepted) => {
      const refresh = () => {
        void queryClient.invalidateQueries({ queryKey: RECORDS_KEY });
        void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      };
      refresh();
      // The invitations are written by a background job: refresh the rows again when it is done,
      // so 未招待 turns into 招待済み without a reload.
      if (accepted.queued > 0) void batchDone(accepted.batchId).then(refresh);
    },
  });
}

/** Waits (polling, at most ~30 s) until a bulk invitation has finished or failed. */
async function batchDone(batchId: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 200 : 500));
    const batch = await api<InvitationBatch>(`/invitations/batches/${encodeURIComponent(batchId)}`).catch(
      () => null,
    );
    if (!batch || batch.status === 'done' || batch.status === 'failed') return;
  }
}
