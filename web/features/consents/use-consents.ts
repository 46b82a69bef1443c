import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONSENT_TEXT_VERSION, type ConsentPurpose } from '#common/consent-purposes';
import type { MyConsents } from '#common/consents';
import type { Me } from '#common/invitations';
import { api } from '#web/lib/api';
import { ME_QUERY_KEY } from '#web/lib/query-client';

export const CONSENTS_QUERY_KEY = ['me-consents'] as const;

export type ConsentChoices = Record<ConsentPurpose, boolean>;

/** The signed-in member's answers, per purpose, and every answer they ever gave. */
export function useMyConsents() {
  return useQuery({
    queryKey: CONSENTS_QUERY_KEY,
    queryFn: ({ signal }) => api<MyConsents>('/me/consents', { signal }),
  });
}

/**
 * Saves every answer at once, for the text version this bundle shows. Afterwards the member is
 * "reviewed" (no more /welcome) and every cached directory or profile page is stale: being listed
 * or not changes what everyone — the member included — finds.
 */
export function useSaveConsents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consents: ConsentChoices) =>
      api<MyConsents>('/me/consents', {
        method: 'PUT',
        body: { textVersion: CONSENT_TEXT_VERSION, consents },
      }),
    onSuccess: (mine) => {
      queryClient.setQueryData(CONSENTS_QUERY_KEY, mine);
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (me) =>
        me ? { ...me, consentsReviewedAt: mine.reviewedAt } : me,
      );
      void queryClient.invalidateQueries({
        predicate: (q) => ['directory', 'directory-facets', 'member'].includes(String(q.queryKey[0])),
      });
    },
  });
}
