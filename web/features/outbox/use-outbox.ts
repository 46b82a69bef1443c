import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { OutboxList, OutboxMessage, OutboxQuery } from '#common/mail';
import { api } from '#web/lib/api';

export type OutboxFilters = Pick<OutboxQuery, 'status' | 'kind' | 'q'>;

/** The outbox, newest first, page by page; refreshed while something is still on its way. */
export function useOutbox(filters: OutboxFilters) {
  return useInfiniteQuery({
    queryKey: ['outbox', filters],
    queryFn: ({ signal, pageParam }) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...filters, cursor: pageParam })) {
        if (value) search.set(key, value);
      }
      const query = search.toString();
      return api<OutboxList>(`/outbox${query ? `?${query}` : ''}`, { signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.items.some((m) => m.status === 'queued' || m.status === 'sending'),
      )
        ? 3000
        : false,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: ['outbox-message', id],
    queryFn: ({ signal }) => api<OutboxMessage>(`/outbox/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}
