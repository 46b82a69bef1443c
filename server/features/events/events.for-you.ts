import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { eventRegistrations, events } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { visibleEventsWhere } from './events.policy';
import { type EventCardRow, flatten, listEvents, selectCards } from './events.service';

/**
 * Events shown outside the calendar (issue 13 §6, decision 044): the home page and the feed's
 * "upcoming events for you", a group's page. Each is the calendar's own query (`listEvents`, the
 * events policy inside it) with a filter, never a second copy of who sees what.
 */
type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** An event published this recently is marked new on the home page. */
export const NEW_EVENT_DAYS = 7;
/** The registrations that mean "I am going" (or hoping to). */
const GOING = ['confirmed', 'offered', 'waitlisted', 'pending'] as const;

/** The next published events the viewer may see (soonest first), and their own next registered one. */
export async function upcomingEventsFor(deps: Deps, { viewer, limit }: { viewer: Viewer; limit: number }) {
  const now = deps.clock.now();
  const [page, mine] = await Promise.all([
    listEvents(deps, { viewer, query: { when: 'upcoming', status: 'published', limit } }),
    selectCards(deps.db, viewer)
      .where(
        and(
          eq(events.status, 'published'),
          gt(events.endsAt, now),
          visibleEventsWhere(viewer, now),
          sql`exists (select 1 from ${eventRegistrations} r where r.event_id = ${events.id}
            and r.user_id = ${viewer.id} and ${inArray(sql`r.status`, [...GOING])})`,
        ),
      )
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(1),
  ]);
  const newSince = new Date(now.getTime() - NEW_EVENT_DAYS * 86_400_000);
  const isNew = (row: EventCardRow) => Boolean(row.publishedAt && row.publishedAt > newSince);
  const myNext = mine[0] ? flatten(mine[0]) : null;
  return { upcoming: page.rows.map((row) => ({ row, isNew: isNew(row) })), myNext };
}
export type UpcomingEventsFor = Awaited<ReturnType<typeof upcomingEventsFor>>;

/** A group's coming events the viewer may see (the group's page). */
export async function upcomingGroupEvents(
  deps: Deps,
  { viewer, groupId, limit }: { viewer: Viewer; groupId: string; limit: number },
): Promise<EventCardRow[]> {
  const page = await listEvents(deps, {
    viewer,
    query: { when: 'upcoming', status: 'published', groupId, limit },
  });
  return page.rows;
}
