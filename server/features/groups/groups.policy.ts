import { type SQL, sql } from 'drizzle-orm';
import type { Audience, Classification } from '#common/access';
import type { GroupVisibility } from '#common/groups';
import { groups } from '#server/db/schema';
import { isHr, type Viewer, visibleItemsWhere } from '#server/lib/access/policy';

/**
 * Who may see and act on groups (issue 11, item 1). A group is a governed item: its
 * classification and audience go through the one policy inside the query, so an `internal` group
 * never reaches an alumnus (404 by id, absent from every list, search and "for you").
 *
 * - HR (alumni_manager, admin) sees every group in every state and manages any.
 * - Anyone else sees active and archived groups the policy lets them see, and the groups they
 *   proposed themselves while pending or declined (and nobody else's).
 * - Managing a group (edit, invite, decide requests, roles) is HR's or the group's admins'.
 */
export const canManageAllGroups = (viewer: Viewer) => isHr(viewer);

/** SQL: the groups this viewer may see at `now`. */
export function visibleGroupsWhere(viewer: Viewer, now: Date): SQL {
  if (isHr(viewer)) return sql`true`;
  const policy = visibleItemsWhere(
    viewer,
    { classification: groups.classification, audience: groups.audience },
    now,
  );
  return sql`((${groups.status} in ('active', 'archived') and ${policy})
    or (${groups.status} in ('pending', 'declined') and ${groups.createdBy} = ${viewer.id}))`;
}

/** The stored classification and audience of a group's visibility choice. */
export function governedFromVisibility(visibility: GroupVisibility): {
  classification: Classification;
  audience: Audience;
} {
  return { classification: visibility, audience: {} };
}

/** The visibility a stored group shows (anything but `internal` reads as `network`). */
export const visibilityOf = (row: { classification: Classification }): GroupVisibility =>
  row.classification === 'internal' ? 'internal' : 'network';
