import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { eventHosts, eventRegistrations, events } from '#server/db/schema/events';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { notFound } from '#server/lib/errors';
import type { DbOrTx } from '#server/lib/outbox';
import { type EventRow, visibleEventsWhere } from './events.policy';

/**
 * What the attendance side (check-in, survey, materials, calendar files, mails) needs about one
 * event on top of the events policy. Who may see or manage an event is decided in one place,
 * events.policy.ts (`visibleEventsWhere`, `manageableEvent`, decision 043); these helpers build on it.
 */

export type { EventRow };
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

/** An event the viewer may see, or 404. */
export async function visibleEvent(
  db: DbOrTx,
  viewer: Viewer,
  eventId: string,
  now: Date,
): Promise<EventRow> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), visibleEventsWhere(viewer, now)));
  if (!row) throw notFound();
  return row;
}

/** May the viewer manage this event (host or HR)? For answers that show an edit button. */
export async function isEventHost(db: DbOrTx, viewer: Viewer, eventId: string): Promise<boolean> {
  if (isHr(viewer)) return true;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(eventHosts)
    .where(and(eq(eventHosts.eventId, eventId), eq(eventHosts.userId, viewer.id)));
  return Boolean(row);
}

/** The viewer's own confirmed registration for an event they may see, or 404. */
export async function attendeeRegistration(db: DbOrTx, viewer: Viewer, eventId: string, now = new Date()) {
  const [row] = await db
    .select({ event: events, registration: eventRegistrations })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, viewer.id),
        eq(eventRegistrations.status, 'confirmed'),
        visibleEventsWhere(viewer, now),
      ),
    );
  if (!row) throw notFound();
  return row;
}

/** The event's title in the reader's language (the other one when it has only that). */
export function eventTitle(event: Pick<EventRow, 'titleJa' | 'titleEn'>, locale: Locale): string {
  const [first, second] = locale === 'ja' ? [event.titleJa, event.titleEn] : [event.titleEn, event.titleJa];
  return first?.trim() || second?.trim() || '';
}

/** The event's description (Markdown source, read as plain text) in the reader's language. */
export function eventDescription(
  event: Pick<EventRow, 'descriptionJaMarkdown' | 'descriptionEnMarkdown'>,
  locale: Locale,
): string {
  const [first, second] =
    locale === 'ja'
      ? [event.descriptionJaMarkdown, event.descriptionEnMarkdown]
      : [event.descriptionEnMarkdown, event.descriptionJaMarkdown];
  return first?.trim() || second?.trim() || '';
}

/** The event page in the web app. */
export const eventPageUrl = (baseUrl: string, eventId: string) => `${baseUrl}/events/${eventId}`;
