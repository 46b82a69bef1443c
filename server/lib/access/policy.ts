import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  type AttributeRule,
  type Audience,
  type Classification,
  FIELD_VISIBILITY_RANK,
  type FieldVisibility,
} from '#common/access';
import { assignableRoles, type Role } from '#common/roles';
import { AppError } from '#server/lib/errors';

/**
 * The one door for all data (decision 004). Every feature asks this module whether a viewer may
 * see an item or a field, and builds its WHERE clauses from it, so a row the viewer may not see
 * never leaves the database (→ 404) and a field they may not see is dropped by the presenter.
 */

export interface ViewerAttributes {
  /** Last day at the company (YYYY-MM-DD) for alumni; null while employed. */
  leftOn: string | null;
  /** Normalised current employer (lower-case, NFKC) or null. */
  currentEmployer: string | null;
}

export interface Viewer {
  id: string;
  role: Role;
  email: string;
  displayName: string;
  locale: 'ja' | 'en';
  attributes: ViewerAttributes;
  /**
   * Groups the viewer is an active member of. Only the pure `canView` reads it (load it with
   * `viewerGroupIds` when an item may target groups); the SQL twin asks `group_members` itself.
   */
  groupIds?: readonly string[];
}

/** Roles each classification can reach before any audience narrowing. */
export const CLASSIFICATION_ROLES: Record<Classification, readonly Role[]> = {
  public: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'],
  network: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'],
  internal: ['employee', 'leaver', 'alumni_manager', 'admin'],
  // Named people only: the role never grants access, only `audience.memberIds` does.
  confidential: [],
};

export interface GovernedItem {
  classification: Classification;
  audience: Audience;
  /** The author/owner always sees their own item. */
  ownerId?: string | null;
}

/** Whole months between the viewer's last day and `now`; null while employed. */
export function monthsSinceLeft(attributes: ViewerAttributes, now: Date): number | null {
  if (!attributes.leftOn) return null;
  const [y, m, d] = attributes.leftOn.split('-').map(Number) as [number, number, number];
  let months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
  if (now.getUTCDate() < d) months -= 1;
  return Math.max(0, months);
}

export function ruleMatches(rule: AttributeRule, viewer: Viewer, now: Date): boolean {
  switch (rule.attribute) {
    case 'monthsSinceLeft': {
      const months = monthsSinceLeft(viewer.attributes, now);
      if (months === null) return false;
      return rule.op === 'lt' ? months < rule.value : months >= rule.value;
    }
    case 'currentEmployer': {
      const employer = viewer.attributes.currentEmployer;
      return employer !== null && rule.value.some((v) => normalizeEmployer(v) === employer);
    }
  }
}

export const normalizeEmployer = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * HR moderates what members read, so a group audience does not keep HR out: alumni managers and
 * admins read every group's items (still narrowed by classification, roles and exclusions).
 * Whether they also get them in their home feed is the feed's choice (decision 032).
 */
export const readsEveryGroup = (role: Role) => role === 'alumni_manager' || role === 'admin';

/** May this viewer see this item? The pure twin of `visibleItemsWhere`. */
export function canView(viewer: Viewer, item: GovernedItem, now: Date): boolean {
  if (item.ownerId && item.ownerId === viewer.id) return true;
  const audience = item.audience;
  if (item.classification === 'confidential') {
    if (!audience.memberIds?.includes(viewer.id)) return false;
  } else {
    if (!CLASSIFICATION_ROLES[item.classification].includes(viewer.role)) return false;
    if (audience.roles && !audience.roles.includes(viewer.role)) return false;
    if (audience.memberIds && audience.memberIds.length > 0 && !audience.memberIds.includes(viewer.id)) {
      return false;
    }
    if (audience.groupIds && audience.groupIds.length > 0 && !readsEveryGroup(viewer.role)) {
      if (!audience.groupIds.some((id) => viewer.groupIds?.includes(id))) return false;
    }
  }
  return !(audience.excludeWhen ?? []).some((rule) => ruleMatches(rule, viewer, now));
}

/**
 * The same rule as `canView`, as SQL over an item table's `classification` (text), `audience`
 * (jsonb, shaped as `Audience`) and optional owner column. The viewer's attributes are constants,
 * so each exclusion rule reduces to a comparison with the rule's stored value.
 */
export function visibleItemsWhere(
  viewer: Viewer,
  columns: { classification: AnyPgColumn; audience: AnyPgColumn; ownerId?: AnyPgColumn },
  now: Date,
): SQL {
  const { classification: cls, audience: aud } = columns;
  const reachable = (Object.keys(CLASSIFICATION_ROLES) as Classification[]).filter((c) =>
    CLASSIFICATION_ROLES[c].includes(viewer.role),
  );
  const months = monthsSinceLeft(viewer.attributes, now);
  const employer = viewer.attributes.currentEmployer;
  const named = sql`coalesce(${aud}->'memberIds', '[]'::jsonb) ? ${viewer.id}`;
  // HR reads every group's items: no membership lookup in its queries at all.
  const inGroupAudience = readsEveryGroup(viewer.role)
    ? sql`true`
    : sql`(jsonb_array_length(coalesce(${aud}->'groupIds', '[]'::jsonb)) = 0 or exists (
        select 1 from group_members gm
        where gm.user_id = ${viewer.id} and gm.state = 'active' and ${aud}->'groupIds' ? gm.group_id))`;
  const byRole = sql`(${cls} in (${sql.join(
    reachable.map((c) => sql`${c}`),
    sql`, `,
  )}) and (not (${aud} ? 'roles') or ${aud}->'roles' ? ${viewer.role})
      and (jsonb_array_length(coalesce(${aud}->'memberIds', '[]'::jsonb)) = 0 or ${named})
      and ${inGroupAudience})`;
  const excluded = sql`exists (
    select 1 from jsonb_array_elements(coalesce(${aud}->'excludeWhen', '[]'::jsonb)) r
    where (r->>'attribute' = 'monthsSinceLeft' and ${months}::int is not null and (
            (r->>'op' = 'lt' and ${months}::int < (r->>'value')::int) or
            (r->>'op' = 'gte' and ${months}::int >= (r->>'value')::int)))
       or (r->>'attribute' = 'currentEmployer' and ${employer}::text is not null and exists (
            select 1 from jsonb_array_elements_text(r->'value') e
            where lower(normalize(trim(e), NFKC)) = ${employer}::text)))`;
  const granted =
    reachable.length > 0
      ? sql`((${cls} = 'confidential' and ${named}) or ${byRole})`
      : sql`(${cls} = 'confidential' and ${named})`;
  const visible = sql`(${granted} and not ${excluded})`;
  return columns.ownerId ? sql`(${columns.ownerId} = ${viewer.id} or ${visible})` : visible;
}

/** The tier of profile fields a role sees: alumni see `members` fields, employees more, HR all. */
export function viewerTier(role: Role): FieldVisibility {
  if (role === 'alumni_manager' || role === 'admin') return 'admins';
  if (role === 'employee' || role === 'leaver') return 'employees';
  return 'members';
}

/** May the viewer see a profile field of this visibility? Members always see their own. */
export function canSeeField(viewer: Viewer, visibility: FieldVisibility, isOwn: boolean): boolean {
  return isOwn || FIELD_VISIBILITY_RANK[viewerTier(viewer.role)] <= FIELD_VISIBILITY_RANK[visibility];
}

export const isHr = (viewer: Viewer) => viewer.role === 'alumni_manager' || viewer.role === 'admin';

/** May this actor give `role` to someone (decision 022)? `null` = the system acting for HR. */
export const canAssignRole = (actor: Pick<Viewer, 'role'> | null, role: Role) =>
  assignableRoles(actor?.role ?? 'alumni_manager').includes(role);

/**
 * The one check every path that sets a role goes through: a 400 with a field error on `role`
 * (never a silent downgrade) when the actor may not give it.
 */
export function assertCanAssignRole(actor: Pick<Viewer, 'role'> | null, role: Role, field = 'role') {
  if (!canAssignRole(actor, role)) {
    throw new AppError('bad_request', 'error.bad_request', { [field]: ['error.role_not_assignable'] });
  }
}
