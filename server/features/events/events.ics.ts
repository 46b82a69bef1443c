import { and, eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator';
import type { Locale } from '#common/locale';
import { eventRegistrations } from '#server/db/schema/events';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import { t } from './attendance.messages';
import {
  type EventRow,
  eventDescription,
  eventPageUrl,
  eventTitle,
  isEventHost,
  type RegistrationRow,
  visibleEvent,
} from './events.hosting';

/**
 * Calendar files (RFC 5545) of events, with ical-generator (decision 043): times in UTC (`…Z`, so
 * no calendar can misread a floating time or a bare TZID), a stable UID `<event id>@<host>`,
 * SEQUENCE = `events.sequence` (the events core bumps it on every change attendees should see),
 * STATUS:CANCELLED for a cancelled event. The online link is in the file only for someone who may
 * have it (a confirmed attendee or a host): the caller says so with `withOnlineUrl`.
 *
 * METHOD: PUBLISH for a download and the personal feed; REQUEST for a file mailed to an attendee
 * (confirmation, reminder, change), CANCEL for the cancellation mail — both with the organisation
 * as ORGANIZER, which iTIP (RFC 5546) asks of those methods.
 */

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type IcsEnv = Pick<Env, 'BASE_URL' | 'MAIL_FROM'>;
export type IcsEvent = Pick<
  EventRow,
  | 'id'
  | 'titleJa'
  | 'titleEn'
  | 'descriptionJaMarkdown'
  | 'descriptionEnMarkdown'
  | 'format'
  | 'startsAt'
  | 'endsAt'
  | 'venueName'
  | 'venueAddress'
  | 'onlineUrl'
  | 'status'
  | 'sequence'
  | 'updatedAt'
>;

export interface IcsEntry {
  event: IcsEvent;
  locale: Locale;
  withOnlineUrl: boolean;
}

const METHODS: Record<IcsMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/** The UID of an event's VEVENT: the same in every file, mail and feed, for ever. */
export const eventUid = (eventId: string, baseUrl: string) => `${eventId}@${new URL(baseUrl).hostname}`;

/** The file name offered for an event's download. */
export const icsFileName = (eventId: string) => `event-${eventId}.ics`;

function location(entry: IcsEntry): string | null {
  const { event, locale, withOnlineUrl } = entry;
  const venue = [event.venueName, event.venueAddress].filter((p) => p?.trim()).join(', ');
  if (event.format === 'in_person') return venue || null;
  const online = withOnlineUrl && event.onlineUrl ? event.onlineUrl : t(locale, 'ics.online');
  return venue ? `${venue} / ${online}` : online;
}

function description(entry: IcsEntry, baseUrl: string): string {
  const { event, locale, withOnlineUrl } = entry;
  return [
    eventDescription(event, locale),
    withOnlineUrl && event.onlineUrl && event.format !== 'in_person'
      ? t(locale, 'ics.join', { url: event.onlineUrl })
      : '',
    t(locale, 'ics.details', { url: eventPageUrl(baseUrl, event.id) }),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function vevent(entry: IcsEntry, env: IcsEnv, now: Date): ICalEventData {
  const { event, locale } = entry;
  return {
    id: eventUid(event.id, env.BASE_URL),
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    stamp: now,
    lastModified: event.updatedAt,
    summary: eventTitle(event, locale) || t(locale, 'ics.untitled'),
    description: description(entry, env.BASE_URL),
    location: location(entry),
    url: eventPageUrl(env.BASE_URL, event.id),
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/** The sender of the app's mail as an iCalendar organizer (`Name <address>` or an address). */
function organizer(env: IcsEnv): string | null {
  const from = env.MAIL_FROM.trim();
  if (!from.includes('@')) return null;
  return from.includes('<') ? from : `Kizuna <${from}>`;
}

/** A calendar file of some events (one for a download or a mail, many for the feed). */
export function calendarIcs(
  env: IcsEnv,
  { method, entries, now, name }: { method: IcsMethod; entries: IcsEntry[]; now: Date; name?: string },
): string {
  const calendar = ical({
    prodId: { company: 'Kizuna', product: 'Events', language: 'EN' },
    method: METHODS[method],
    ...(name ? { name } : {}),
  });
  const from = method === 'PUBLISH' ? null : organizer(env);
  for (const entry of entries) {
    calendar.createEvent({ ...vevent(entry, env, now), ...(from ? { organizer: from } : {}) });
  }
  return calendar.toString();
}

/** One event's file: METHOD:CANCEL when it is cancelled and mailed, else `method`. */
export function eventIcs(
  env: IcsEnv,
  { event, locale, withOnlineUrl, method, now }: IcsEntry & { method: IcsMethod; now: Date },
): string {
  const chosen: IcsMethod = method !== 'PUBLISH' && event.status === 'cancelled' ? 'CANCEL' : method;
  return calendarIcs(env, { method: chosen, entries: [{ event, locale, withOnlineUrl }], now });
}

/**
 * The file the events core's confirmation mail carries: the attendee's own, with the online link
 * (they are confirmed). See decision 043 (amended) for how a mail carries it.
 */
export function confirmationIcs(
  event: IcsEvent,
  registration: Pick<RegistrationRow, 'status'>,
  locale: Locale,
  env: IcsEnv,
  now = new Date(),
): string {
  return eventIcs(env, {
    event,
    locale,
    withOnlineUrl: registration.status === 'confirmed',
    method: 'REQUEST',
    now,
  });
}

/**
 * GET /api/events/:id/calendar.ics: for anyone who may see the event (404 otherwise); the online
 * link only for a confirmed attendee or a host.
 */
export async function downloadIcs(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
): Promise<string> {
  const now = deps.clock.now();
  const event = await visibleEvent(deps.db, viewer, eventId, now);
  const [seat] = await deps.db
    .select({ status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, viewer.id),
        eq(eventRegistrations.status, 'confirmed'),
      ),
    );
  const withOnlineUrl = Boolean(seat) || (await isEventHost(deps.db, viewer, eventId));
  return eventIcs(deps.env, { event, locale, withOnlineUrl, method: 'PUBLISH', now });
}
