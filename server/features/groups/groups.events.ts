import { upcomingGroupEvents } from '#server/features/events/events.for-you';
import { canCreateEvents } from '#server/features/events/events.policy';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { getVisibleGroup } from './groups.service';

/**
 * A group's coming events for its page (issue 13 §6): 404 when the viewer may not see the group;
 * the events themselves through the events feature's calendar query (its policy inside), so a
 * group-only event shows to the group's members and HR, never to a passer-by of an open group.
 */
export async function listGroupEvents(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  { viewer, id, limit }: { viewer: Viewer; id: string; limit: number },
) {
  const group = await getVisibleGroup(deps.db, viewer, id, deps.clock.now());
  const rows = await upcomingGroupEvents(deps, { viewer, groupId: group.group.id, limit });
  return { rows, canCreate: canCreateEvents(viewer) && group.group.status === 'active' };
}
