import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Audience, Classification } from '#common/access';
import type { EventAudiencePreset, EventAudienceValue } from '#common/events';
import { events } from '#server/db/schema/index';
import { canView, isHr, type Viewer, visibleItemsWhere } from '#server/lib/access/policy';
import { notFound } from '#server/lib/errors';
import type { DbOrTx } from '#server/lib/outbox';

/**
 * Who may do what with events (issue 13, decision 043). Seeing an event is the one policy's rule
 * for a governed item (decision 004) inside the query; a draft is seen by its hosts and HR only;
 * HR (alumni_manager, admin) sees and manages every event; hosts, co-hosts and member speakers
 * manage theirs. Anything else is a 404, never a 403.
 */
export const canCreateEvents = (viewer: Viewer) => isHr(viewer);

/** Running the reminder and after-event jobs now (browser tests, demos): admins, outside production. */
export const canRunEventJobsNow = (viewer: Viewer, env: { NODE_ENV: string }) =>
  viewer.role === 'admin' && env.NODE_ENV !== 'production';

/** SQL: the viewer hosts the event (host, co-host or member speaker). */
export const hostsEventWhere = (viewer: Viewer): SQL =>
  sql`exists (select 1 from event_hosts eh where eh.event_id = ${events.id} and eh.user_id = ${viewer.id})`;

/**
 * SQL: the events this viewer may see. HR: all. Hosts: theirs, in any state. Everyone else:
 * published or cancelled events whose classification and audience admit them (group audiences
 * through `group_members`, named people through `audience.memberIds`).
 */
export function visibleEventsWhere(viewer: Viewer, now: Date): SQL {
  if (isHr(viewer)) return sql`true`;
  const governed = visibleItemsWhere(
    viewer,
    { classification: events.classification, audience: events.audience },
    now,
  );
  return sql`((${events.status} <> 'draft' and ${governed}) or ${hostsEventWhere(viewer)})`;
}

/**
 * May this viewer see this event? The pure twin of `visibleEventsWhere` (the viewer loaded with its
 * groups, `loadViewers`; `hostIds` the event's hosts): for deciding a whole batch of members at
 * once (the registration desk). `events.policy.test.ts` checks the two agree.
 */
export function canSeeEvent(
  viewer: Viewer,
  event: Pick<EventRow, 'status' | 'classification' | 'audience'>,
  hostIds: readonly string[],
  now: Date,
): boolean {
  if (isHr(viewer) || hostIds.includes(viewer.id)) return true;
  return (
    event.status !== 'draft' &&
    canView(viewer, { classification: event.classification, audience: event.audience }, now)
  );
}

/** SQL: the events this viewer may manage (edit, cancel, approve, see registrations). */
export const manageableEventsWhere = (viewer: Viewer): SQL =>
  isHr(viewer) ? sql`true` : hostsEventWhere(viewer);

export type EventRow = typeof events.$inferSelect;

/**
 * The event when the viewer may manage it (HR, or a host/co-host/speaker of it), else a 404.
 * With `lock`, the row is taken `for update` (inside the caller's transaction). The attendance
 * pages (check-in, survey results, materials, the attendee export) use it too: one door.
 */
export async function manageableEvent(
  db: DbOrTx,
  viewer: Viewer,
  eventId: string,
  options: { lock?: boolean } = {},
): Promise<EventRow> {
  const query = db
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), manageableEventsWhere(viewer)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** The classification and audience a preset stands for (the one policy, decision 004). */
export function governedFromEventAudience(input: EventAudienceValue): {
  classification: Classification;
  audience: Audience;
} {
  switch (input.preset) {
    case 'everyone':
      return { classification: 'network', audience: {} };
    case 'alumni':
      // HR stays in the audience: it runs the events alumni attend.
      return { classification: 'network', audience: { roles: ['alumni', 'alumni_manager', 'admin'] } };
    case 'employees':
      return { classification: 'internal', audience: {} };
    case 'group':
      return { classification: 'network', audience: { groupIds: [input.groupId as string] } };
    case 'people':
      return { classification: 'confidential', audience: { memberIds: [...new Set(input.memberIds)] } };
  }
}

/** The preset a stored event was given (the inverse of `governedFromEventAudience`). */
export function audienceOfEvent(row: { classification: Classification; audience: Audience }): {
  preset: EventAudiencePreset;
  groupId: string | null;
  memberIds: string[];
} {
  if (row.classification === 'confidential') {
    return { preset: 'people', groupId: null, memberIds: row.audience.memberIds ?? [] };
  }
  const groupId = row.audience.groupIds?.[0];
  if (groupId) return { preset: 'group', groupId, memberIds: [] };
  if (row.classification === 'internal') return { preset: 'employees', groupId: null, memberIds: [] };
  if (row.audience.roles?.includes('alumni')) return { preset: 'alumni', groupId: null, memberIds: [] };
  return { preset: 'everyone', groupId: null, memberIds: [] };
}

/** The online link is for confirmed attendees and those who manage the event. */
export const mayReadOnlineUrl = (registrationStatus: string | null, manages: boolean) =>
  manages || registrationStatus === 'confirmed';
