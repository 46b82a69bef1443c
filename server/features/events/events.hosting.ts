import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { eventHosts, eventRegistrations, events } from '#server/db/schema/events';
import { isHr, type Viewer, visibleItemsWhere } from '#server/lib/access/policy';
import { notFound } from '#server/lib/errors';
import type { DbOrTx } from '#server/lib/outbox';

/**
 * Who may act on one event for the attendance pages (check-in, survey results, materials, the
 * attendee export) and who holds a ticket. Small on purpose: at merge these may give way to the
 * events core's `manageableEvent` (events.policy.ts); the rules are the same (decision 043):
 * a hidden event is 404, a draft is seen by its hosts and HR only.
 */

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

/** SQL: the viewer is a host, co-host or member speaker of the event in `eventId`. */
export function isHostSql(viewerId: string, eventId: SQL | typeof events.id = events.id): SQL {
  return sql`exists (select 1 from ${eventHosts} h where h.event_id = ${eventId} and h.user_id = ${viewerId})`;
}

/** SQL: the viewer may see this event (audience and classification in the query; drafts for hosts and HR). */
export function visibleEventWhere(viewer: Viewer, now: Date): SQL {
  const host = isHostSql(viewer.id);
  const audience = visibleItemsWhere(
    viewer,
    { classification: events.classification, audience: events.audience, ownerId: events.createdBy },
    now,
  );
  if (isHr(viewer)) return audience;
  return or(host, and(audience, sql`${events.status} <> 'draft'`)) as SQL;
}

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
    .where(and(eq(events.id, eventId), visibleEventWhere(viewer, now)));
  if (!row) throw notFound();
  return row;
}

/** An event the viewer hosts (host, co-host, speaker) or HR, and may see; 404 otherwise. */
export async function hostedEvent(db: DbOrTx, viewer: Viewer, eventId: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.id, eventId),
        visibleEventWhere(viewer, now),
        isHr(viewer) ? undefined : isHostSql(viewer.id),
      ),
    );
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
        visibleEventWhere(viewer, now),
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
