import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Branding, type BrandingNames, orgName } from '#common/branding';
import { i18n } from '#web/i18n';
import { ApiError, api, currentLanguage } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';

const KEY = ['branding'] as const;

/** The organisation's name and logo (public: also on signed-out pages). */
export function useBranding() {
  return useQuery({ queryKey: KEY, queryFn: () => api<Branding>('/branding'), staleTime: 10 * 60_000 });
}

/** The organisation's name in the UI language; the product name while loading or unset. */
export function useOrgName(): string {
  const { data } = useBranding();
  const lang = useLanguage();
  return data ? orgName(data, lang) : 'Kizuna';
}

export function useSaveBrandingNames() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (names: BrandingNames) => api<Branding>('/branding', { method: 'PUT', body: names }),
    onSuccess: (branding) => client.setQueryData(KEY, branding),
  });
}

/** The image goes as the raw request body; the server decodes and re-encodes it. */
export function useUploadLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      let response: Response;
      try {
        response = await fetch('/api/branding/logo', {
          method: 'PUT',
          body: file,
          credentials: 'same-origin',
          headers: {
            'content-type': file.type || 'application/octet-stream',
            accept: 'application/json',
            'accept-language': currentLanguage(),
          },
        });
      } catch {
        throw new ApiError(0, 'network', i18n.t('errors.network'));
      }
      const data = await response.json().catch(() => null);
      if (response.ok) return data as Branding;
      const error = (
        data as { error?: { code?: string; message?: string; fields?: Record<string, string[]> } }
      )?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'internal',
        error?.message ?? i18n.t('errors.generic'),
        error?.fields ?? {},
      );
    },
    onSuccess: (branding) => client.setQueryData(KEY, branding),
  });
}

export function useRemoveLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Branding>('/branding/logo', { method: 'DELETE' }),
    onSuccess: (branding) => client.setQueryData(KEY, branding),
  });
}
