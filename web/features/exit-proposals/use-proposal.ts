import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Proposal, ProposalUpdate, Suggestions } from '#common/exit-proposals';
import { api } from '#web/lib/api';

const key = (caseId: string) => ['exit-cases', caseId, 'proposal'] as const;

/** The proposal, or null when the viewer may not see it yet (the leaver before it is shared). */
export function useProposal(caseId: string) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: ({ signal }) => api<Proposal | null>(`/exit-cases/${caseId}/proposal`, { signal }),
  });
}

export function useSuggestions(caseId: string) {
  return useQuery({
    queryKey: ['exit-cases', caseId, 'suggestions'],
    queryFn: ({ signal }) => api<Suggestions>(`/exit-cases/${caseId}/suggestions`, { signal }),
  });
}

function useProposalMutation<T>(caseId: string, call: (input: T) => Promise<Proposal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (proposal) => queryClient.setQueryData(key(caseId), proposal),
  });
}

export const useSaveProposal = (caseId: string) =>
  useProposalMutation(caseId, (body: ProposalUpdate) =>
    api<Proposal>(`/exit-cases/${caseId}/proposal`, { method: 'PUT', body }),
  );

export const useShareProposal = (caseId: string) =>
  useProposalMutation(caseId, () =>
    api<Proposal>(`/exit-cases/${caseId}/proposal/share`, { method: 'POST' }),
  );

export const useCommentProposal = (caseId: string) =>
  useProposalMutation(caseId, (comment: string) =>
    api<Proposal>(`/exit-cases/${caseId}/proposal/comment`, { method: 'POST', body: { comment } }),
  );
