import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { ConnectionsVisibility } from '#common/connections';
import type { Role } from '#common/roles';
import { profiles, users } from '#server/db/schema';
import { consentedSql } from '#server/lib/access/consented';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { notBlockedWith } from '#server/lib/relations';

/**
 * Who may reach whom (issue 12 §1, decision 037).
 *
 * - A member one may connect with, follow or see the relation of is one the directory would show
 *   the viewer: active, consented to being listed, and not blocked either way. HR sees every
 *   active member (as on profiles), but a block still applies to them.
 * - A member's connections are seen per their `connections_visibility`; the owner and HR always.
 * - Only company accounts (HR roles, appointed company posters) and speakers can be followed.
 */

/** SQL over `profiles` joined with `users`: the member is one this viewer may reach. */
export function reachableMemberWhere(viewer: Viewer, id: string): SQL {
  const base = [
    eq(profiles.userId, id),
    eq(users.status, 'active'),
    notBlockedWith(viewer.id, profiles.userId),
  ];
  if (!isHr(viewer)) base.push(consentedSql('directory'));
  return and(...base) as SQL;
}

export function canSeeConnections(
  viewer: Viewer,
  owner: { id: string; visibility: ConnectionsVisibility; connectedWithViewer: boolean },
): boolean {
  if (viewer.id === owner.id || isHr(viewer)) return true;
  if (owner.visibility === 'members') return true;
  if (owner.visibility === 'connections') return owner.connectedWithViewer;
  return false;
}

const COMPANY_ROLES: readonly Role[] = ['alumni_manager', 'admin'];

/** Company accounts (HR roles, employees appointed as company posters) and speakers. */
export function canBeFollowed(member: { role: Role; isCompanyPoster: boolean; speaking: boolean }): boolean {
  return COMPANY_ROLES.includes(member.role) || member.isCompanyPoster || member.speaking;
}

/** Writing to a member: connected members, and HR to anyone. */
export const canMessage = (viewer: Viewer, connected: boolean) => connected || isHr(viewer);

/** SQL: the member in `column` is an active user (for lists of people). */
export const activeUserSql = (column: SQL | typeof users.id) =>
  sql`exists (select 1 from ${users} u where u.id = ${column} and u.status = 'active')`;
