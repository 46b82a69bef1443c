import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { eventTitle } from '#common/events';
import type { Locale } from '#common/locale';
import { type Db, queryRows } from '#server/db/client';
import { events } from '#server/db/schema/index';
import { visibleEventsWhere } from '#server/features/events/events.policy';
import { canView, isHr, type Viewer } from '#server/lib/access/policy';
import { DIGEST_CAPS, type DigestSection } from './digest.mail';
import { t } from './digest.messages';
import type { DigestSectionSource } from './digest.sections';

/**
 * The digest's "upcoming events" section (issue 13 §6, decision 044): published events starting
 * within UPCOMING_DAYS that the member may see, soonest first, at most DIGEST_CAPS.sectionItems.
 *
 * At 300,000 members the events are read once per range of members (the pool, like the post pool),
 * narrowed per member with the policy's pure twin (`canView`), and then decided by the events
 * policy's SQL (`visibleEventsWhere`) in one `union all` statement per chunk — never one query per
 * member, never a second copy of the rule.
 */
export const UPCOMING_DAYS = 14;
/** Coming events considered per range (a fortnight holds far fewer). */
const EVENT_POOL = 200;
const DAY = 86_400_000;

const poolColumns = {
  id: events.id,
  titleJa: events.titleJa,
  titleEn: events.titleEn,
  format: events.format,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  venueName: events.venueName,
  classification: events.classification,
  audience: events.audience,
};

type PoolEvent = {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  format: 'in_person' | 'online' | 'hybrid';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
  classification: (typeof events.$inferSelect)['classification'];
  audience: (typeof events.$inferSelect)['audience'];
};

/** When, in the event's own zone (named), in the reader's language. */
export function eventWhen(event: Pick<PoolEvent, 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale) {
  const fmt = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: event.timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const range = (() => {
    try {
      return fmt.formatRange(event.startsAt, event.endsAt);
    } catch {
      return `${fmt.format(event.startsAt)} – ${fmt.format(event.endsAt)}`;
    }
  })();
  return `${range} (${event.timeZone})`;
}

function itemOf(event: PoolEvent, locale: Locale) {
  const where =
    event.format === 'online'
      ? t(locale, 'mail.digest.event.online')
      : (event.venueName?.trim() ?? '') ||
        (event.format === 'hybrid' ? t(locale, 'mail.digest.event.online') : '');
  const when = eventWhen(event, locale);
  return {
    title: eventTitle(event, locale),
    meta: where ? `${when}${locale === 'ja' ? '・' : ' · '}${where}` : when,
    path: `/events/${event.id}`,
  };
}

/** Which of the asked events each viewer may see: the events policy's SQL, one statement. */
async function visibleForEach(
  db: Db,
  asks: { viewer: Viewer; eventIds: string[] }[],
  now: Date,
): Promise<Map<string, Set<string>>> {
  const parts = asks
    .filter((a) => a.eventIds.length > 0)
    .map(
      ({ viewer, eventIds }) =>
        sql`(select ${viewer.id}::text as viewer_id, ${events.id} as event_id from ${events} where ${events.id} = any(${sql.param(eventIds)}::text[]) and ${visibleEventsWhere(viewer, now)})`,
    );
  const out = new Map<string, Set<string>>();
  if (parts.length === 0) return out;
  const rows = await queryRows<{ viewer_id: string; event_id: string }>(
    db,
    sql.join(parts, sql` union all `),
  );
  for (const r of rows) {
    const set = out.get(r.viewer_id) ?? new Set<string>();
    set.add(r.event_id);
    out.set(r.viewer_id, set);
  }
  return out;
}

export const upcomingEventsSource: DigestSectionSource<PoolEvent[]> = {
  name: 'events',
  async pool({ db }, now) {
    const rows = await db
      .select(poolColumns)
      .from(events)
      .where(
        and(
          eq(events.status, 'published'),
          gt(events.startsAt, now),
          lte(events.startsAt, new Date(now.getTime() + UPCOMING_DAYS * DAY)),
        ),
      )
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(EVENT_POOL);
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
  },
  async load({ db }, { viewers, now, pool }) {
    const out = new Map<string, DigestSection>();
    if (pool.length === 0) return out;
    // The pure twin narrows (a couple of spares for what the SQL may still refuse); the SQL decides.
    // A host outside their own event's audience is not offered it here: they know it already.
    const cap = DIGEST_CAPS.sectionItems;
    const asks = viewers.map((viewer) => {
      const candidates: PoolEvent[] = [];
      for (const e of pool) {
        if (candidates.length >= cap + 2) break;
        if (isHr(viewer) || canView(viewer, e, now)) candidates.push(e);
      }
      return { viewer, candidates, eventIds: candidates.map((e) => e.id) };
    });
    const visible = await visibleForEach(db, asks, now);
    for (const { viewer, candidates } of asks) {
      const theirs = visible.get(viewer.id);
      if (!theirs) continue;
      const items = candidates
        .filter((e) => theirs.has(e.id))
        .slice(0, cap)
        .map((e) => itemOf(e, viewer.locale));
      if (items.length > 0) out.set(viewer.id, { heading: t(viewer.locale, 'mail.digest.events'), items });
    }
    return out;
  },
};
