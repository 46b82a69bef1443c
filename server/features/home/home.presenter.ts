import { CHECKLIST_ITEMS, type HomeEvents, type HrHome, type MemberHome } from '#common/home';
import type { UpcomingEventsFor } from '#server/features/events/events.for-you';
import { presentEventCard } from '#server/features/events/events.presenter';
import type { HrHomeData, MemberHomeData } from './home.service';

/** The member's home: the checklist items in their fixed order, each ticked from real data. */
export function presentMemberHome(data: MemberHomeData): MemberHome {
  const items = CHECKLIST_ITEMS.map((key) => ({ key, done: data.done[key], link: data.links[key] }));
  return {
    checklist: {
      items,
      doneCount: items.filter((i) => i.done).length,
      dismissed: data.dismissed,
    },
    counts: { groups: data.counts.groups, posts: data.counts.posts, jobAlerts: data.counts.jobAlerts },
  };
}

export function presentHrHome(data: HrHomeData): HrHome {
  return {
    figures: data.figures.map((f) => ({ key: f.key, count: f.count, detail: f.detail, link: f.link })),
    staleAfterMonths: data.months,
    activity: data.activity.map((a) => ({
      id: a.id,
      kind: a.kind,
      at: a.at.toISOString(),
      actor: a.actor ? { id: a.actor.id, displayName: a.actor.displayName, role: a.actor.role } : null,
      action: a.action,
      title: a.title,
      link: a.link,
    })),
  };
}

/** Upcoming events for you: the events feature's card, and whether it was published this week. */
export function presentHomeEvents(data: UpcomingEventsFor): HomeEvents {
  return {
    upcoming: data.upcoming.map(({ row, isNew }) => ({ ...presentEventCard(row), isNew })),
    myNext: data.myNext ? presentEventCard(data.myNext) : null,
  };
}
