import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventStats } from '#common/event-attendance';
import type {
  Event,
  EventCreateInput,
  EventPage,
  EventUpdateInput,
  HostRegistrationList,
  MyRegistration,
  RegisterInput,
  Series,
  SeriesList,
} from '#common/events';
import { api } from '#web/lib/api';

const EVENTS_KEY = ['events'] as const;

/** The calendar: `qs` is the filter query string (without cursor); pages follow `nextCursor`. */
export function useEventPages(qs: string) {
  return useInfiniteQuery({
    queryKey: [...EVENTS_KEY, 'list', qs],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const sep = qs ? '&' : '?';
      const cursor = pageParam ? `${sep}cursor=${encodeURIComponent(pageParam)}` : '';
      return api<EventPage>(`/events${qs}${cursor}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'one', id],
    queryFn: ({ signal }) => api<Event>(`/events/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSeries(id: string | undefined) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'series', id],
    queryFn: ({ signal }) => api<Series>(`/event-series/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSeriesList(enabled: boolean) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'series-list'],
    queryFn: ({ signal }) => api<SeriesList>('/event-series', { signal }),
    enabled,
  });
}

export function useRegistrations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'registrations', id],
    queryFn: ({ signal }) => api<HostRegistrationList>(`/events/${id}/registrations`, { signal }),
    enabled,
  });
}

/** After any write: the event, its registrations and the lists are read again. */
function useEventWrite<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: EVENTS_KEY }),
  });
}

export const useCreateEvent = () =>
  useEventWrite((input: EventCreateInput) => api<Event>('/events', { method: 'POST', body: input }));

export const useUpdateEvent = () =>
  useEventWrite(({ id, input }: { id: string; input: EventUpdateInput }) =>
    api<Event>(`/events/${id}`, { method: 'PATCH', body: input }),
  );

export const usePublishEvent = () =>
  useEventWrite((id: string) => api<Event>(`/events/${id}/publish`, { method: 'POST' }));

export const useCancelEvent = () =>
  useEventWrite((id: string) => api<Event>(`/events/${id}/cancel`, { method: 'POST' }));

export const useRegister = () =>
  useEventWrite(({ id, input }: { id: string; input: Partial<RegisterInput> }) =>
    api<MyRegistration>(`/events/${id}/registration`, { method: 'POST', body: input }),
  );

export const useUnregister = () =>
  useEventWrite((id: string) => api<MyRegistration>(`/events/${id}/registration`, { method: 'DELETE' }));

export const useClaimSeat = () =>
  useEventWrite((id: string) => api<MyRegistration>(`/events/${id}/registration/claim`, { method: 'POST' }));

export const useDecideRegistration = () =>
  useEventWrite(
    ({
      id,
      registrationId,
      decision,
    }: {
      id: string;
      registrationId: string;
      decision: 'approve' | 'decline';
    }) =>
      api<MyRegistration>(`/events/${id}/registrations/${registrationId}/${decision}`, { method: 'POST' }),
  );

/** HR: registrations, attendance and no-shows per event and per series (`qs`: from / to). */
export function useEventStats(qs: string) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'stats', qs],
    queryFn: ({ signal }) => api<EventStats>(`/admin/events/stats${qs}`, { signal }),
  });
}
