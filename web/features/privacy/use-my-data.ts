import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DeleteAccount, ErasureSettings, MyDataSummary, RetentionSettings } from '#common/privacy';
import { i18n } from '#web/i18n';
import { ApiError, api, currentLanguage } from '#web/lib/api';
import { forgetEverythingBut, ME_QUERY_KEY } from '#web/lib/query-client';

export const MY_DATA_KEY = ['my-data'] as const;
const RETENTION_KEY = ['settings', 'retention'] as const;
const ERASURE_KEY = ['settings', 'erasure'] as const;

/** "What we hold": rows per category. */
export function useMyDataSummary() {
  return useQuery({ queryKey: MY_DATA_KEY, queryFn: () => api<MyDataSummary>('/me/data') });
}

/**
 * Downloads the zip: a same-origin POST (the origin check applies, so another site cannot start
 * it), then the blob is saved through a temporary link.
 */
export function useDownloadMyData() {
  return useMutation({
    mutationFn: async () => {
      let response: Response;
      try {
        response = await fetch('/api/me/export', {
          method: 'POST',
          headers: { 'accept-language': currentLanguage() },
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(0, 'network', i18n.t('errors.network'));
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code: string; message: string };
        } | null;
        throw new ApiError(
          response.status,
          body?.error?.code ?? 'internal',
          body?.error?.message ?? i18n.t('errors.generic'),
        );
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'kizuna-my-data.zip';
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  });
}

/**
 * Deletes the account. The caller moves to the confirmation page first, which then forgets the
 * session (`useForgetDeletedSession`): clearing it here would make the signed-in area redirect to
 * the login page before the confirmation could show.
 */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: DeleteAccount) =>
      api<{ erased: true }>('/me/delete', { method: 'POST', body: input }),
  });
}

/** The session is gone with the account: drop every cached query, the member included. */
export function useForgetDeletedSession(isDeleted: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isDeleted) return;
    forgetEverythingBut(queryClient, ME_QUERY_KEY[0]);
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }, [isDeleted, queryClient]);
}

export function useRetentionSettings() {
  return useQuery({ queryKey: RETENTION_KEY, queryFn: () => api<RetentionSettings>('/settings/retention') });
}

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RetentionSettings) =>
      api<RetentionSettings>('/settings/retention', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(RETENTION_KEY, saved),
  });
}

export function useErasureSettings() {
  return useQuery({ queryKey: ERASURE_KEY, queryFn: () => api<ErasureSettings>('/settings/erasure') });
}

export function useSaveErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ErasureSettings) =>
      api<ErasureSettings>('/settings/erasure', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(ERASURE_KEY, saved),
  });
}
