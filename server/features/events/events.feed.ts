import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, inArray, or } from 'drizzle-orm';
import { FEED_PAST_DAYS } from '#common/event-attendance';
import { users } from '#server/db/schema';
import { calendarFeeds, eventRegistrations, events } from '#server/db/schema/events';
import type { Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';
import { type RateRule, rateLimiter } from '#server/lib/rate-limit';
import { t } from './attendance.messages';
import { calendarIcs } from './events.ics';
import { visibleEventsWhere } from './events.policy';

/**
 * The personal calendar feed (issue 13 §3): a secret address a calendar app subscribes to. The
 * token is the credential (no session): 32 random bytes, shown once; only its SHA-256 is stored,
 * so the table leaks nothing usable. Creating again replaces (rotates) it; deleting revokes it.
 */

/** Unknown tokens an address may try: enough for a mistyped URL, far too few to guess 256 bits. */
export const FEED_GUESS_LIMIT: RateRule = { max: 20, windowMs: 10 * 60_000 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/api/calendar/${token}.ics`;

export async function getFeedState(deps: Pick<AppDeps, 'db'>, { viewer }: { viewer: Viewer }) {
  const [row] = await deps.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, viewer.id));
  return { active: Boolean(row), createdAt: row?.createdAt ?? null };
}

/** A new feed address (the previous one stops working). The URL is returned this once only. */
export async function createFeed(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  { viewer }: { viewer: Viewer },
) {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  await deps.db
    .insert(calendarFeeds)
    .values({ userId: viewer.id, tokenHash: hashToken(token), createdAt: now })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash: hashToken(token), createdAt: now },
    });
  return { url: feedUrl(deps.env.BASE_URL, token), createdAt: now };
}

export async function revokeFeed(deps: Pick<AppDeps, 'db'>, { viewer }: { viewer: Viewer }) {
  await deps.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
}

/**
 * The feed's calendar: the member's events with a seat (confirmed or offered) from FEED_PAST_DAYS
 * ago on, and the ones cancelled by their hosts (STATUS:CANCELLED, so the calendar drops them),
 * as far as the member may still see them. 404 for an unknown or revoked token; each miss counts
 * against the caller's address (FEED_GUESS_LIMIT), a hit is given back.
 */
export async function feedIcs(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  { token, address }: { token: string; address: string },
): Promise<string> {
  const now = deps.clock.now();
  const limiter = rateLimiter(deps, 'calendar-feed', FEED_GUESS_LIMIT);
  await limiter.take(address, now);
  const [feed] = await deps.db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), eq(users.status, 'active')));
  const [member] = feed ? await loadViewers(deps.db, [feed.userId]) : [];
  if (!member) throw notFound();
  await limiter.refund(address, now);

  const rows = await deps.db
    .select({ event: events, status: eventRegistrations.status })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.userId, member.id),
        or(
          inArray(eventRegistrations.status, ['confirmed', 'offered']),
          and(
            eq(eventRegistrations.status, 'cancelled'),
            eq(eventRegistrations.cancelReason, 'event_cancelled'),
          ),
        ),
        gte(events.endsAt, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000)),
        visibleEventsWhere(member, now),
      ),
    )
    .orderBy(events.startsAt, events.id);
  return calendarIcs(deps.env, {
    method: 'PUBLISH',
    name: t(member.locale, 'ics.feedName'),
    now,
    entries: rows
      // A seat the member cancelled themselves is not in their calendar; a cancelled event is.
      .filter((r) => r.status !== 'cancelled' || r.event.status === 'cancelled')
      .map((r) => ({ event: r.event, locale: member.locale, withOnlineUrl: r.status === 'confirmed' })),
  });
}
