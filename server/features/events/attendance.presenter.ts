import type {
  CalendarFeedCreated,
  CalendarFeedState,
  CheckInAttendee,
  CheckInList,
  CheckInResult,
  EventAfterRun,
  EventRemindersRun,
  EventStats,
  FellowAttendeeList,
  MaterialList,
  SurveyForm,
  SurveyResults,
  Ticket,
} from '#common/event-attendance';
import type { Locale } from '#common/locale';
import { type EventRow, eventTitle, type RegistrationRow } from './events.hosting';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const presentFeedState = (s: { active: boolean; createdAt: Date | null }): CalendarFeedState => ({
  active: s.active,
  createdAt: isoOrNull(s.createdAt),
});

export const presentFeedCreated = (s: { url: string; createdAt: Date }): CalendarFeedCreated => ({
  url: s.url,
  createdAt: iso(s.createdAt),
});

export const presentTicket = (t: {
  event: EventRow;
  registration: RegistrationRow;
  qrSvg: string;
  title: string;
}): Ticket => ({
  eventId: t.event.id,
  title: t.title,
  startsAt: iso(t.event.startsAt),
  endsAt: iso(t.event.endsAt),
  timeZone: t.event.timeZone,
  guests: t.registration.guests,
  code: t.registration.checkInCode,
  qrSvg: t.qrSvg,
  checkedInAt: isoOrNull(t.registration.checkedInAt),
});

type AttendeeRow = {
  registrationId: string;
  userId: string;
  displayName: string;
  guests: number;
  checkedInAt: Date | null;
};

const presentAttendee = (a: AttendeeRow): CheckInAttendee => ({
  registrationId: a.registrationId,
  userId: a.userId,
  displayName: a.displayName,
  guests: a.guests,
  checkedInAt: isoOrNull(a.checkedInAt),
});

export const presentCheckInList = (
  l: {
    event: EventRow;
    items: AttendeeRow[];
    confirmed: number;
    checkedIn: number;
    opensAt: Date;
    closesAt: Date;
  },
  locale: Locale,
): CheckInList => ({
  eventId: l.event.id,
  title: eventTitle(l.event, locale),
  startsAt: iso(l.event.startsAt),
  endsAt: iso(l.event.endsAt),
  opensAt: iso(l.opensAt),
  closesAt: iso(l.closesAt),
  confirmed: l.confirmed,
  checkedIn: l.checkedIn,
  items: l.items.map(presentAttendee),
});

export const presentCheckInResult = (r: {
  result: 'checked_in' | 'already';
  message: string;
  attendee: AttendeeRow;
  confirmed: number;
  checkedIn: number;
}): CheckInResult => ({
  result: r.result,
  message: r.message,
  attendee: presentAttendee(r.attendee),
  checkedIn: r.checkedIn,
  confirmed: r.confirmed,
});

export const presentSurveyForm = (f: SurveyForm): SurveyForm => ({
  eventId: f.eventId,
  title: f.title,
  question: f.question,
  answered: f.answered,
});

export const presentSurveyResults = (r: SurveyResults): SurveyResults => ({
  eventId: r.eventId,
  title: r.title,
  question: r.question,
  count: r.count,
  average: r.average,
  distribution: [...r.distribution],
  comments: r.comments.map((c) => ({ rating: c.rating, comment: c.comment, answer: c.answer })),
});

export const presentMaterials = (m: MaterialList): MaterialList => ({
  eventId: m.eventId,
  title: m.title,
  canEdit: m.canEdit,
  items: m.items.map((i) => ({ id: i.id, label: i.label, url: i.url })),
});

export const presentFellows = (f: FellowAttendeeList): FellowAttendeeList => ({
  eventId: f.eventId,
  title: f.title,
  items: f.items.map((i) => ({ id: i.id, displayName: i.displayName, connected: i.connected })),
});

type Rates = {
  registrations: number;
  waitlisted: number;
  confirmed: number;
  checkedIn: number;
  noShows: number;
  attendanceRate: number | null;
  noShowRate: number | null;
};
const presentRates = (r: Rates) => ({
  registrations: r.registrations,
  waitlisted: r.waitlisted,
  confirmed: r.confirmed,
  checkedIn: r.checkedIn,
  noShows: r.noShows,
  attendanceRate: r.attendanceRate,
  noShowRate: r.noShowRate,
});

export const presentStats = (s: {
  events: (Rates & {
    id: string;
    title: string;
    seriesId: string | null;
    startsAt: Date;
    timeZone: string;
    status: string;
  })[];
  series: (Rates & { id: string; title: string; events: number })[];
}): EventStats => ({
  events: s.events.map((e) => ({
    id: e.id,
    title: e.title,
    seriesId: e.seriesId,
    startsAt: iso(e.startsAt),
    timeZone: e.timeZone,
    status: e.status,
    ...presentRates(e),
  })),
  series: s.series.map((x) => ({ id: x.id, title: x.title, events: x.events, ...presentRates(x) })),
});

export const presentRemindersRun = (r: { reminded: number; mailed: number }): EventRemindersRun => ({
  reminded: r.reminded,
  mailed: r.mailed,
});

export const presentAfterRun = (r: { noShows: number; invited: number }): EventAfterRun => ({
  noShows: r.noShows,
  invited: r.invited,
});
