import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarFeedCreated,
  CalendarFeedState,
  CheckInList,
  CheckInResult,
  FellowAttendeeList,
  MaterialList,
  MaterialsUpdate,
  SurveyAnswer,
  SurveyForm,
  SurveyResults,
  Ticket,
} from '#common/event-attendance';
import { api } from '#web/lib/api';

const KEY = ['event-attendance'] as const;
const enc = encodeURIComponent;
const eventKey = (id: string, what: string) => [...KEY, id, what] as const;

/** The live count on the host's page: polled while the page is open. */
export const CHECK_IN_POLL_MS = 5_000;

export const useTicket = (eventId: string) =>
  useQuery({
    queryKey: eventKey(eventId, 'ticket'),
    queryFn: ({ signal }) => api<Ticket>(`/events/${enc(eventId)}/ticket`, { signal }),
    retry: false,
  });

export const useCheckInList = (eventId: string, q: string) =>
  useQuery({
    queryKey: [...eventKey(eventId, 'check-in'), q],
    queryFn: ({ signal }) =>
      api<CheckInList>(`/events/${enc(eventId)}/check-in${q ? `?q=${enc(q)}` : ''}`, { signal }),
    refetchInterval: CHECK_IN_POLL_MS,
    placeholderData: (previous) => previous,
    retry: false,
  });

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<CheckInResult>(`/events/${enc(eventId)}/check-in`, { method: 'POST', body: { code } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: eventKey(eventId, 'check-in') }),
  });
}

export const useSurveyForm = (eventId: string) =>
  useQuery({
    queryKey: eventKey(eventId, 'survey'),
    queryFn: ({ signal }) => api<SurveyForm>(`/events/${enc(eventId)}/survey`, { signal }),
    retry: false,
  });

export function useAnswerSurvey(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: SurveyAnswer) =>
      api<SurveyForm>(`/events/${enc(eventId)}/survey`, { method: 'POST', body: answer }),
    onSuccess: (form) => queryClient.setQueryData(eventKey(eventId, 'survey'), form),
  });
}

export const useSurveyResults = (eventId: string) =>
  useQuery({
    queryKey: eventKey(eventId, 'results'),
    queryFn: ({ signal }) => api<SurveyResults>(`/events/${enc(eventId)}/survey/results`, { signal }),
    retry: false,
  });

export const useMaterials = (eventId: string) =>
  useQuery({
    queryKey: eventKey(eventId, 'materials'),
    queryFn: ({ signal }) => api<MaterialList>(`/events/${enc(eventId)}/materials`, { signal }),
    retry: false,
  });

export function useSaveMaterials(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: MaterialsUpdate) =>
      api<MaterialList>(`/events/${enc(eventId)}/materials`, { method: 'PUT', body: update }),
    onSuccess: (list) => queryClient.setQueryData(eventKey(eventId, 'materials'), list),
  });
}

export const useFellowAttendees = (eventId: string) =>
  useQuery({
    queryKey: eventKey(eventId, 'fellows'),
    queryFn: ({ signal }) => api<FellowAttendeeList>(`/events/${enc(eventId)}/fellow-attendees`, { signal }),
    retry: false,
  });

export const useCalendarFeed = () =>
  useQuery({
    queryKey: [...KEY, 'feed'],
    queryFn: ({ signal }) => api<CalendarFeedState>('/me/calendar-feed', { signal }),
  });

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeedCreated>('/me/calendar-feed', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...KEY, 'feed'] }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>('/me/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...KEY, 'feed'] }),
  });
}

/** Links to files the browser downloads with the session cookie. */
export const calendarFileUrl = (eventId: string) => `/api/events/${enc(eventId)}/calendar.ics`;
export const attendeesCsvUrl = (eventId: string) => `/api/events/${enc(eventId)}/attendees.csv`;
