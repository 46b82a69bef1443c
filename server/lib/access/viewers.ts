import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { groupMembers, profiles, users } from '#server/db/schema';
import { normalizeEmployer, type Viewer } from './policy';

/**
 * Active members as the visibility policy sees them, groups loaded: for checks over many
 * recipients at once (who may be notified of an item, who may be mentioned in it).
 */
export async function loadViewers(db: Db, userIds: readonly string[]): Promise<Viewer[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      locale: users.locale,
      name: users.name,
      leftOn: profiles.leftOn,
      currentEmployer: profiles.currentEmployer,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  const memberships = await db
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(inArray(groupMembers.userId, ids), eq(groupMembers.state, 'active')));
  const groupsOf = new Map<string, string[]>();
  for (const m of memberships) groupsOf.set(m.userId, [...(groupsOf.get(m.userId) ?? []), m.groupId]);
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    email: row.email,
    displayName: row.name,
    locale: row.locale,
    attributes: {
      leftOn: row.leftOn,
      currentEmployer: row.currentEmployer ? normalizeEmployer(row.currentEmployer) : null,
    },
    groupIds: groupsOf.get(row.id) ?? [],
  }));
}
