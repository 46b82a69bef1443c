import { and, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { groupMembers } from '#server/db/schema';
import type { Viewer } from './policy';

/**
 * The groups a member is an active member of: what the pure `canView` needs for items whose
 * audience names groups (the SQL twin asks group_members in the query itself).
 */
export async function viewerGroupIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.state, 'active')));
  return rows.map((r) => r.groupId);
}

/** The viewer with their groups loaded (for `canView` on an item that may target groups). */
export async function withGroups(db: Db, viewer: Viewer): Promise<Viewer> {
  return viewer.groupIds ? viewer : { ...viewer, groupIds: await viewerGroupIds(db, viewer.id) };
}
