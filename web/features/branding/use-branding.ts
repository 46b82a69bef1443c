import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Branding, type BrandingNames, orgName } from '#common/branding';
import { api, upload } from '#web/lib/api';
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
    mutationFn: (file: File) => upload<Branding>('/branding/logo', file, { method: 'PUT' }),
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
