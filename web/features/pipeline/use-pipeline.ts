import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AtsExport,
  PipelineBoard,
  PipelineBoardQuery,
  PipelineCardDetail,
  PipelineMove,
  PipelineNote,
  PipelineStats,
} from '#common/pipeline';
import type { PipelineStage } from '#common/rehiring-reference';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

const KEY = ['pipeline'] as const;

/** The board with its filters (HR). */
export function usePipelineBoard(filters: PipelineBoardQuery) {
  return useQuery({
    queryKey: [...KEY, 'board', filters],
    queryFn: ({ signal }) => api<PipelineBoard>(`/pipeline${toQueryString({ ...filters })}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function usePipelineStats() {
  return useQuery({
    queryKey: [...KEY, 'stats'],
    queryFn: ({ signal }) => api<PipelineStats>('/pipeline/stats', { signal }),
  });
}

export function usePipelineCard(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'card', id],
    queryFn: ({ signal }) => api<PipelineCardDetail>(`/pipeline/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
    // Every read of a card is audited: refetch when HR asks (Refresh), not on each window focus.
    refetchOnWindowFocus: false,
  });
}

/** Moves a card; the board, the figures and the card's page follow. */
export function useMoveCard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: PipelineMove & { id: string }) =>
      api<PipelineCardDetail>(`/pipeline/${id}/move`, { method: 'POST', body: input }),
    onSuccess: (card) => {
      client.setQueryData([...KEY, 'card', card.id], card);
      void client.invalidateQueries({ queryKey: [...KEY, 'board'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'stats'] });
    },
  });
}

export function useAddNote(cardId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<PipelineNote>(`/pipeline/${cardId}/notes`, { method: 'POST', body: { body } }),
    onSuccess: (note) => {
      client.setQueryData<PipelineCardDetail>([...KEY, 'card', cardId], (card) =>
        card ? { ...card, notes: [...card.notes, note] } : card,
      );
    },
  });
}

export function useSendToAts(cardId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<AtsExport>(`/pipeline/${cardId}/ats-export`, { method: 'POST', body: { kind: 'webhook' } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'card', cardId] }),
  });
}

/** A CSV download link (the browser sends the session cookie; the server audits it). */
export const boardCsvUrl = (filters: PipelineBoardQuery & { stage?: PipelineStage }, lang: 'ja' | 'en') =>
  `/api/pipeline/export.csv${toQueryString({ ...filters, lang })}`;
export const cardCsvUrl = (id: string, lang: 'ja' | 'en') => `/api/pipeline/${id}/export.csv?lang=${lang}`;
