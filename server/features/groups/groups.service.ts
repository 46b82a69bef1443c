import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  GroupCreate,
  GroupDecision,
  GroupListQuery,
  GroupMembersQuery,
  GroupReason,
  GroupUpdate,
} from '#common/groups';
import { groupRuleIssues } from '#common/groups';
import { normalizeForSearch, tokenizeQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import { groupMembers, groups, profiles, users } from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import { canView, isHr, type Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import { notify } from '#server/lib/notify';
import { rateLimiter } from '#server/lib/rate-limit';
import { outsideBlocksOf } from '#server/lib/relations';
import { governedFromVisibility, visibleGroupsWhere } from './groups.policy';

export type GroupRow = typeof groups.$inferSelect;
export type MemberState = (typeof groupMembers.$inferSelect)['state'];
export type MemberRole = (typeof groupMembers.$inferSelect)['role'];
/** A group as one viewer sees it: the row and the viewer's own membership row, if any. */
export interface GroupView {
  group: GroupRow;
  myState: MemberState | null;
  myRole: MemberRole | null;
}

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

/** A member may propose this many groups a day. */
export const GROUP_PROPOSAL_LIMIT = { max: 5, windowMs: 24 * 60 * 60 * 1000 };
/** An admin may send this many invitation batches an hour. */
export const GROUP_INVITE_LIMIT = { max: 30, windowMs: 60 * 60 * 1000 };

const badRequest = (fields: Record<string, string[]>) =>
  new AppError('bad_request', 'error.bad_request', fields);
const notActive = () => new AppError('conflict', 'error.group_not_active');
const lastAdmin = () => new AppError('conflict', 'error.group_last_admin');

// ---- the checks other features use -------------------------------------------------------------

/** Is this member an active member of the group? (Posts, events: who may post in a group.) */
export async function isActiveMember(db: Executor, groupId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, userId),
        eq(groupMembers.state, 'active'),
      ),
    );
  return !!row;
}

/** Is this member an active admin of the group? (HR is not implied: ask `isHr` as well.) */
export async function isGroupAdmin(db: Executor, groupId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, userId),
        eq(groupMembers.state, 'active'),
        eq(groupMembers.role, 'admin'),
      ),
    );
  return !!row;
}

/** May the viewer manage this group (HR, or an active admin of it)? */
export const canManageGroup = (viewer: Viewer, view: Pick<GroupView, 'myState' | 'myRole'>) =>
  isHr(viewer) || (view.myState === 'active' && view.myRole === 'admin');

/** The governed item a notification about a group carries (recipients who may not see it drop). */
const itemOf = (g: GroupRow) => ({ classification: g.classification, audience: g.audience });
const groupData = (g: GroupRow) => ({
  groupId: g.id,
  groupName: g.nameJa ?? g.nameEn ?? '',
  nameJa: g.nameJa,
  nameEn: g.nameEn,
});

// ---- search ------------------------------------------------------------------------------------

/** The one search document of a group, both languages (kept at write time). */
export function buildGroupSearchText(g: {
  nameJa: string | null;
  nameEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  country: string | null;
  region: string | null;
  department: string | null;
  intakeYear: number | null;
}): string {
  return normalizeForSearch(
    [
      g.nameJa,
      g.nameEn,
      g.region,
      g.country,
      g.department,
      g.intakeYear == null ? null : String(g.intakeYear),
      g.descriptionJa,
      g.descriptionEn,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const searchConditions = (q: string | undefined): SQL[] =>
  tokenizeQuery(q).map((token) => sql`${groups.searchText} like ${likePattern(token)}`);

// ---- reading -----------------------------------------------------------------------------------

const viewColumns = { group: groups, myState: groupMembers.state, myRole: groupMembers.role };
const mineJoin = (viewer: Viewer) =>
  and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, viewer.id)) as SQL;

/** A group the viewer may see, with their membership; 404 otherwise. */
export async function getVisibleGroup(
  db: Executor,
  viewer: Viewer,
  id: string,
  now: Date,
): Promise<GroupView> {
  const [row] = await db
    .select(viewColumns)
    .from(groups)
    .leftJoin(groupMembers, mineJoin(viewer))
    .where(and(eq(groups.id, id), visibleGroupsWhere(viewer, now)));
  if (!row) throw notFound();
  return row;
}

const listOrder = [desc(groups.official), desc(groups.memberCount), asc(groups.nameEn), asc(groups.id)];

/** Groups the viewer may see, searched and filtered, one page. */
export async function listGroups(deps: Deps, { viewer, query }: { viewer: Viewer; query: GroupListQuery }) {
  const now = deps.clock.now();
  const conds: SQL[] = [visibleGroupsWhere(viewer, now), ...searchConditions(query.q)];
  if (query.kind) conds.push(eq(groups.kind, query.kind));
  if (query.mine) {
    conds.push(eq(groupMembers.state, 'active'));
    if (query.status) conds.push(eq(groups.status, query.status));
    else conds.push(inArray(groups.status, ['active', 'pending']));
  } else conds.push(eq(groups.status, query.status ?? 'active'));
  const where = and(...conds) as SQL;
  const rows = await deps.db
    .select(viewColumns)
    .from(groups)
    .leftJoin(groupMembers, mineJoin(viewer))
    .where(where)
    .orderBy(...listOrder)
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await deps.db
    .select({ n: count() })
    .from(groups)
    .leftJoin(groupMembers, mineJoin(viewer))
    .where(where);
  return {
    rows: rows.slice(0, query.pageSize),
    hasMore: rows.length > query.pageSize,
    total: Number(counted?.n ?? 0),
  };
}

/** The viewer's profile as "groups for you" reads it. */
async function profileOf(db: Db, userId: string) {
  const [row] = await db
    .select({
      country: profiles.country,
      location: profiles.location,
      departments: profiles.departments,
      joinedOn: profiles.joinedOn,
      skills: profiles.skills,
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row ?? null;
}

/** Why a group suits a member (empty: it does not). */
export function reasonsFor(
  g: Pick<GroupRow, 'kind' | 'country' | 'region' | 'department' | 'intakeYear' | 'searchText'>,
  p: {
    country: string | null;
    location: string | null;
    departments: readonly string[];
    joinedOn: string | null;
    skills: readonly string[];
  },
): GroupReason[] {
  const reasons: GroupReason[] = [];
  if (g.kind === 'chapter') {
    if (g.country && p.country && g.country.toUpperCase() === p.country.toUpperCase()) {
      reasons.push({ kind: 'country', value: g.country.toUpperCase() });
    }
    const where = p.location ? normalizeForSearch(p.location) : '';
    const region = g.region ? normalizeForSearch(g.region) : '';
    if (where && region && (where.includes(region) || region.includes(where))) {
      reasons.push({ kind: 'location', value: p.location ?? '' });
    }
  }
  if (g.kind === 'department' && g.department) {
    const mine = p.departments.find((d) => normalizeForSearch(d) === normalizeForSearch(g.department ?? ''));
    if (mine) reasons.push({ kind: 'department', value: mine });
  }
  if (g.kind === 'intake' && g.intakeYear != null && p.joinedOn) {
    if (Number(p.joinedOn.slice(0, 4)) === g.intakeYear) {
      reasons.push({ kind: 'intake', value: String(g.intakeYear) });
    }
  }
  if (g.kind === 'interest') {
    const skills = p.skills.filter((s) => {
      const token = normalizeForSearch(s);
      return token.length > 0 && g.searchText.includes(token);
    });
    if (skills.length > 0) reasons.push({ kind: 'skills', value: skills.slice(0, 3).join(', ') });
  }
  return reasons;
}

/**
 * "Groups for you": active groups the viewer may see and has not joined (nor asked to join), that
 * match their profile — a chapter of their country or city, their former departments, their
 * intake year (the year of `joined_on`), interest groups naming their skills — each with why.
 */
export async function groupsForYou(deps: Deps, { viewer, limit }: { viewer: Viewer; limit: number }) {
  const now = deps.clock.now();
  const profile = await profileOf(deps.db, viewer.id);
  if (!profile) return [];
  const matches: SQL[] = [];
  if (profile.country) {
    matches.push(
      sql`(${groups.kind} = 'chapter' and upper(${groups.country}) = ${profile.country.toUpperCase()})`,
    );
  }
  const location = profile.location ? normalizeForSearch(profile.location) : '';
  if (location) {
    matches.push(
      sql`(${groups.kind} = 'chapter' and ${groups.region} is not null and length(trim(${groups.region})) > 0
        and position(lower(normalize(trim(${groups.region}), NFKC)) in ${location}) > 0)`,
    );
  }
  for (const d of profile.departments.slice(0, 10)) {
    const token = normalizeForSearch(d);
    if (token) {
      matches.push(sql`(${groups.kind} = 'department' and ${groups.searchText} like ${likePattern(token)})`);
    }
  }
  const year = profile.joinedOn ? Number(profile.joinedOn.slice(0, 4)) : null;
  if (year) matches.push(sql`(${groups.kind} = 'intake' and ${groups.intakeYear} = ${year})`);
  for (const s of profile.skills.slice(0, 15)) {
    const token = normalizeForSearch(s);
    if (token) {
      matches.push(sql`(${groups.kind} = 'interest' and ${groups.searchText} like ${likePattern(token)})`);
    }
  }
  if (matches.length === 0) return [];
  const rows = await deps.db
    .select(viewColumns)
    .from(groups)
    .leftJoin(groupMembers, mineJoin(viewer))
    .where(
      and(
        eq(groups.status, 'active'),
        visibleGroupsWhere(viewer, now),
        sql`(${groupMembers.state} is null or ${groupMembers.state} = 'invited')`,
        sql`(${sql.join(matches, sql` or `)})`,
      ),
    )
    .orderBy(...listOrder)
    .limit(200);
  return rows
    .map((row) => ({ view: row, reasons: reasonsFor(row.group, profile) }))
    .filter((x) => x.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length)
    .slice(0, limit);
}

export interface GroupDetail extends GroupView {
  createdBy: { id: string; displayName: string } | null;
  requestCount: number;
}

/** One group with what its managers see besides (who created it, how many ask to join). */
export async function findGroup(
  deps: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<GroupDetail> {
  const view = await getVisibleGroup(deps.db, viewer, id, deps.clock.now());
  return detailOf(deps.db, viewer, view);
}

async function detailOf(db: Executor, viewer: Viewer, view: GroupView): Promise<GroupDetail> {
  if (!canManageGroup(viewer, view)) return { ...view, createdBy: null, requestCount: 0 };
  const [creator] = view.group.createdBy
    ? await db
        .select({ id: users.id, displayName: users.name })
        .from(users)
        .where(eq(users.id, view.group.createdBy))
    : [];
  const [requests] = await db
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, view.group.id), eq(groupMembers.state, 'requested')));
  return { ...view, createdBy: creator ?? null, requestCount: Number(requests?.n ?? 0) };
}

/**
 * Who a member list may name (decision 032): members listed in the directory (`directory`
 * consent), the viewer themself and the group's admins (they act in the group under their name).
 * HR sees everyone, as it does in the directory. Requests and invitations are read only by the
 * group's managers, who must see whom they decide on, so they are not narrowed.
 */
function namedMembersWhere(viewer: Viewer, state: MemberState): SQL | undefined {
  if (isHr(viewer) || state !== 'active') return undefined;
  return sql`(${users.id} = ${viewer.id} or ${groupMembers.role} = 'admin'
    or coalesce(${consentedSql('directory')}, false))`;
}

/**
 * Members of a group, one page: active ones for anyone who sees the group (named only as
 * `namedMembersWhere` allows, the rest counted as `others`); requests and invitations for its managers.
 */
export async function listGroupMembers(
  deps: Deps,
  { viewer, id, query }: { viewer: Viewer; id: string; query: GroupMembersQuery },
) {
  const view = await getVisibleGroup(deps.db, viewer, id, deps.clock.now());
  if (query.state !== 'active' && !canManageGroup(viewer, view)) throw notFound();
  const inState = and(
    eq(groupMembers.groupId, id),
    eq(groupMembers.state, query.state),
    eq(users.status, 'active'),
    // Members blocked with the viewer either way are left out of the list (issue 12).
    outsideBlocksOf(viewer.id, users.id),
  ) as SQL;
  const named = namedMembersWhere(viewer, query.state);
  const where = named ? (and(inState, named) as SQL) : inState;
  const rows = await deps.db
    .select({
      id: users.id,
      displayName: users.name,
      role: groupMembers.role,
      state: groupMembers.state,
      joinedAt: groupMembers.joinedAt,
      createdAt: groupMembers.createdAt,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(profiles, eq(profiles.userId, groupMembers.userId))
    .where(where)
    .orderBy(asc(groupMembers.role), asc(users.name), asc(users.id))
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await deps.db
    .select({
      all: count(),
      named: named ? sql<number>`count(*) filter (where ${named})` : count(),
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(profiles, eq(profiles.userId, groupMembers.userId))
    .where(inState);
  const total = Number(counted?.named ?? 0);
  return {
    rows: rows.slice(0, query.pageSize),
    hasMore: rows.length > query.pageSize,
    total,
    others: Number(counted?.all ?? 0) - total,
  };
}

// ---- writing -----------------------------------------------------------------------------------

/** Locks a group the viewer may see (404 otherwise) and reads the viewer's membership. */
async function lockVisible(tx: Tx, viewer: Viewer, id: string, now: Date): Promise<GroupView> {
  const [group] = await tx
    .select()
    .from(groups)
    .where(and(eq(groups.id, id), visibleGroupsWhere(viewer, now)))
    .for('update');
  if (!group) throw notFound();
  const mine = await membershipOf(tx, id, viewer.id);
  return { group, myState: mine?.state ?? null, myRole: mine?.role ?? null };
}

async function membershipOf(tx: Executor, groupId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row ?? null;
}

/** Recounts the active members in the same transaction (the row is locked by the caller). */
async function recount(tx: Tx, groupId: string, now: Date) {
  await tx
    .update(groups)
    .set({
      memberCount: sql`(select count(*)::int from group_members gm where gm.group_id = ${groupId} and gm.state = 'active')`,
      updatedAt: now,
    })
    .where(eq(groups.id, groupId));
}

async function activeAdminIds(tx: Executor, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.state, 'active'),
        eq(groupMembers.role, 'admin'),
      ),
    );
  return rows.map((r) => r.userId);
}

async function hrIds(tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['alumni_manager', 'admin']), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

/** Refuses the change when it would leave an active admin-less group that had admins. */
async function assertNotLastAdmin(tx: Tx, groupId: string, userId: string) {
  const admins = await activeAdminIds(tx, groupId);
  if (admins.length === 1 && admins[0] === userId) throw lastAdmin();
}

const contentOf = (g: {
  nameJa?: string | null;
  nameEn?: string | null;
  descriptionJa?: string | null;
  descriptionEn?: string | null;
  country?: string | null;
  region?: string | null;
  department?: string | null;
  intakeYear?: number | null;
}) => {
  const content = {
    nameJa: g.nameJa ?? null,
    nameEn: g.nameEn ?? null,
    descriptionJa: g.descriptionJa ?? null,
    descriptionEn: g.descriptionEn ?? null,
    country: g.country ?? null,
    region: g.region ?? null,
    department: g.department ?? null,
    intakeYear: g.intakeYear ?? null,
  };
  return { ...content, searchText: buildGroupSearchText(content) };
};

/**
 * A new group. HR creates any kind: official and active at once. Any other member proposes an
 * interest group: pending, visible to them and HR only, the proposer its first admin; HR is told.
 */
export async function createGroup(
  deps: WriteDeps,
  { viewer, input }: { viewer: Viewer; input: GroupCreate },
) {
  const now = deps.clock.now();
  const hr = isHr(viewer);
  if (!hr) {
    const fields = emptyFieldMap();
    if (input.kind !== 'interest') fields.kind = ['kz.groupKindHr'];
    if (input.visibility !== 'network') fields.visibility = ['kz.groupClassificationHr'];
    if (Object.keys(fields).length > 0) throw badRequest(fields);
    await rateLimiter(deps, 'group-proposals', GROUP_PROPOSAL_LIMIT).take(viewer.id, now);
  }
  return deps.db.transaction(async (tx) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(groups)
      .values({
        id,
        kind: input.kind,
        ...contentOf(input),
        joinPolicy: input.joinPolicy,
        status: hr ? 'active' : 'pending',
        official: hr,
        ...governedFromVisibility(input.visibility),
        memberCount: hr ? 0 : 1,
        createdBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (!hr) {
      await tx.insert(groupMembers).values({
        groupId: id,
        userId: viewer.id,
        role: 'admin',
        state: 'active',
        createdAt: now,
        joinedAt: now,
      });
      await notify(tx, now, {
        userIds: await hrIds(tx),
        type: 'group_proposal',
        threadKey: `group:${id}`,
        actorId: viewer.id,
        link: `/admin/groups`,
        data: { ...groupData(row), proposer: viewer.displayName },
        item: itemOf(row),
      });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: hr ? 'group.created' : 'group.proposed',
      subjectType: 'group',
      subjectId: id,
      data: { kind: row.kind, classification: row.classification, joinPolicy: row.joinPolicy },
      at: now,
    });
    return detailOf(tx, viewer, { group: row, myState: hr ? null : 'active', myRole: hr ? null : 'admin' });
  });
}

/** HR or a group admin edits a group (not once declined or archived); the visibility is HR's. */
export async function updateGroup(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: GroupUpdate },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    if (!canManageGroup(viewer, view)) throw notFound();
    if (input.visibility !== undefined && !isHr(viewer)) {
      throw badRequest({ visibility: ['kz.groupClassificationHr'] });
    }
    const current = view.group;
    if (current.status === 'archived' || current.status === 'declined') throw notActive();
    const defined = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'visibility' && k !== 'joinPolicy'),
    );
    const next = { ...current, ...defined };
    const issues = groupRuleIssues(next);
    if (issues.length > 0) {
      const fields = emptyFieldMap();
      for (const issue of issues) fields[issue.path] = [...(fields[issue.path] ?? []), issue.message];
      throw badRequest(fields);
    }
    const [updated] = await tx
      .update(groups)
      .set({
        ...contentOf(next),
        ...(input.joinPolicy ? { joinPolicy: input.joinPolicy } : {}),
        ...(input.visibility ? governedFromVisibility(input.visibility) : {}),
        updatedAt: now,
      })
      .where(eq(groups.id, id))
      .returning();
    if (!updated) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'group.updated',
      subjectType: 'group',
      subjectId: id,
      data: {
        classification: updated.classification,
        fields: Object.keys(input).filter((k) => input[k as keyof GroupUpdate] !== undefined),
      },
      at: now,
    });
    return detailOf(tx, viewer, { ...view, group: updated });
  });
}

/** HR approves or declines a proposed group; the proposer is told (with the note). */
export async function decideGroup(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: GroupDecision },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    if (view.group.status !== 'pending') throw new AppError('conflict', 'error.group_decided');
    const approve = input.decision === 'approve';
    const [updated] = await tx
      .update(groups)
      .set({
        status: approve ? 'active' : 'declined',
        decidedBy: viewer.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
        updatedAt: now,
      })
      .where(eq(groups.id, id))
      .returning();
    if (!updated) throw notFound();
    if (updated.createdBy) {
      await notify(tx, now, {
        userIds: [updated.createdBy],
        type: 'group_proposal_decided',
        threadKey: `group:${id}`,
        actorId: viewer.id,
        link: `/groups/${id}`,
        data: { ...groupData(updated), decision: input.decision, note: input.note ?? null },
        item: itemOf(updated),
      });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: approve ? 'group.approved' : 'group.declined',
      subjectType: 'group',
      subjectId: id,
      data: { noted: !!input.note },
      at: now,
    });
    return detailOf(tx, viewer, { ...view, group: updated });
  });
}

/** HR archives an active group: read-only, no more joining. */
export async function archiveGroup(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    if (view.group.status !== 'active') throw notActive();
    const [updated] = await tx
      .update(groups)
      .set({ status: 'archived', updatedAt: now })
      .where(eq(groups.id, id))
      .returning();
    if (!updated) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'group.archived',
      subjectType: 'group',
      subjectId: id,
      at: now,
    });
    return detailOf(tx, viewer, { ...view, group: updated });
  });
}

/** Re-reads the viewer's view of a group after a change in the same transaction. */
async function reread(tx: Tx, viewer: Viewer, id: string, now: Date) {
  return detailOf(tx, viewer, await getVisibleGroup(tx, viewer, id, now));
}

/**
 * The viewer joins: an open group at once; a request-to-join group records the request and tells
 * its admins; an invite-only group only with an invitation (else 404, as if it could not be
 * joined at all). An invitation waiting is accepted by joining. Joining twice changes nothing.
 */
export async function joinGroup(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    const g = view.group;
    if (view.myState === 'active' || view.myState === 'requested') return reread(tx, viewer, id, now);
    if (g.status !== 'active') throw notActive();
    if (view.myState === 'invited' || g.joinPolicy === 'open') {
      await tx
        .insert(groupMembers)
        .values({
          groupId: id,
          userId: viewer.id,
          role: 'member',
          state: 'active',
          createdAt: now,
          joinedAt: now,
        })
        .onConflictDoUpdate({
          target: [groupMembers.groupId, groupMembers.userId],
          set: { state: 'active', joinedAt: now },
        });
      await recount(tx, id, now);
      return reread(tx, viewer, id, now);
    }
    if (g.joinPolicy === 'invite') throw notFound();
    await tx
      .insert(groupMembers)
      .values({ groupId: id, userId: viewer.id, role: 'member', state: 'requested', createdAt: now });
    const admins = await activeAdminIds(tx, id);
    await notify(tx, now, {
      userIds: admins.length > 0 ? admins : await hrIds(tx),
      type: 'group_join_request',
      threadKey: `group:${id}`,
      actorId: viewer.id,
      link: `/groups/${id}?tab=requests`,
      data: { ...groupData(g), requester: viewer.displayName },
      item: itemOf(g),
    });
    return reread(tx, viewer, id, now);
  });
}

/** The viewer leaves (or withdraws a request, or declines an invitation); the last admin must hand over first. */
export async function leaveGroup(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    if (!view.myState) return reread(tx, viewer, id, now);
    if (view.myState === 'active' && view.myRole === 'admin') await assertNotLastAdmin(tx, id, viewer.id);
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, viewer.id)));
    await recount(tx, id, now);
    return reread(tx, viewer, id, now);
  });
}

/** Accepts or declines the viewer's invitation (404 without one). */
export async function answerInvitation(
  deps: Deps,
  { viewer, id, accept }: { viewer: Viewer; id: string; accept: boolean },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockVisible(tx, viewer, id, now);
    if (view.myState !== 'invited') throw notFound();
    if (accept) {
      if (view.group.status !== 'active') throw notActive();
      await tx
        .update(groupMembers)
        .set({ state: 'active', joinedAt: now })
        .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, viewer.id)));
    } else {
      await tx
        .delete(groupMembers)
        .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, viewer.id)));
    }
    await recount(tx, id, now);
    return reread(tx, viewer, id, now);
  });
}

/** A group the viewer manages, locked (404 when they may not see or manage it). */
async function lockManaged(tx: Tx, viewer: Viewer, id: string, now: Date) {
  const view = await lockVisible(tx, viewer, id, now);
  if (!canManageGroup(viewer, view)) throw notFound();
  return view;
}

/**
 * Admins (or HR) invite members who may see the group: each is told. Someone who asked to join
 * is let in at once; members and those already invited are left as they are.
 */
export async function inviteMembers(
  deps: WriteDeps,
  { viewer, id, memberIds }: { viewer: Viewer; id: string; memberIds: string[] },
) {
  const now = deps.clock.now();
  await rateLimiter(deps, 'group-invitations', GROUP_INVITE_LIMIT).take(viewer.id, now);
  return deps.db.transaction(async (tx) => {
    const view = await lockManaged(tx, viewer, id, now);
    const g = view.group;
    if (g.status !== 'active') throw notActive();
    const ids = [...new Set(memberIds)];
    const viewers = await loadViewers(tx, ids);
    const seeing = new Set(viewers.filter((v) => canView(v, itemOf(g), now)).map((v) => v.id));
    const fields = emptyFieldMap();
    memberIds.forEach((m, i) => {
      if (!seeing.has(m)) fields[`memberIds.${i}`] = ['kz.groupInviteeUnknown'];
    });
    if (Object.keys(fields).length > 0) throw badRequest(fields);
    const existing = new Map(
      (
        await tx
          .select()
          .from(groupMembers)
          .where(and(eq(groupMembers.groupId, id), inArray(groupMembers.userId, ids)))
      ).map((r) => [r.userId, r.state]),
    );
    const invited: string[] = [];
    const added: string[] = [];
    const unchanged: string[] = [];
    for (const userId of ids) {
      const state = existing.get(userId);
      if (state === 'requested') {
        await tx
          .update(groupMembers)
          .set({ state: 'active', joinedAt: now, invitedBy: viewer.id })
          .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, userId)));
        added.push(userId);
      } else if (state) unchanged.push(userId);
      else {
        await tx.insert(groupMembers).values({
          groupId: id,
          userId,
          role: 'member',
          state: 'invited',
          invitedBy: viewer.id,
          createdAt: now,
        });
        invited.push(userId);
      }
    }
    if (added.length > 0) await recount(tx, id, now);
    await notify(tx, now, {
      userIds: invited,
      type: 'group_invite',
      threadKey: `group:${id}`,
      actorId: viewer.id,
      link: `/groups/${id}`,
      data: { ...groupData(g), inviter: viewer.displayName },
      item: itemOf(g),
    });
    await notify(tx, now, {
      userIds: added,
      type: 'group_join_approved',
      threadKey: `group:${id}`,
      actorId: viewer.id,
      link: `/groups/${id}`,
      data: groupData(g),
      item: itemOf(g),
    });
    const entries = [
      ...invited.map((userId) => ({ userId, action: 'group.member_invited' })),
      ...added.map((userId) => ({ userId, action: 'group.request_approved' })),
    ];
    await audit(
      tx,
      entries.map((e) => ({
        actorId: viewer.id,
        action: e.action,
        subjectType: 'group',
        subjectId: id,
        data: { userId: e.userId },
        at: now,
      })),
    );
    return { invited, added, unchanged };
  });
}

/** Admins (or HR) approve or decline a request to join; an approval is told to the member. */
export async function decideRequest(
  deps: Deps,
  { viewer, id, userId, approve }: { viewer: Viewer; id: string; userId: string; approve: boolean },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const view = await lockManaged(tx, viewer, id, now);
    const row = await membershipOf(tx, id, userId);
    if (!row) throw notFound();
    if (row.state !== 'requested') throw notFound();
    if (approve) {
      if (view.group.status !== 'active') throw notActive();
      await tx
        .update(groupMembers)
        .set({ state: 'active', joinedAt: now })
        .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, userId)));
      await recount(tx, id, now);
      await notify(tx, now, {
        userIds: [userId],
        type: 'group_join_approved',
        threadKey: `group:${id}`,
        actorId: viewer.id,
        link: `/groups/${id}`,
        data: groupData(view.group),
        item: itemOf(view.group),
      });
    } else {
      await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, userId)));
    }
    await audit(tx, {
      actorId: viewer.id,
      action: approve ? 'group.request_approved' : 'group.request_declined',
      subjectType: 'group',
      subjectId: id,
      data: { userId },
      at: now,
    });
    return memberOf(tx, id, userId);
  });
}

async function memberOf(tx: Executor, groupId: string, userId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      displayName: users.name,
      role: groupMembers.role,
      state: groupMembers.state,
      joinedAt: groupMembers.joinedAt,
      createdAt: groupMembers.createdAt,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row ?? null;
}

/** Admins (or HR) make an active member an admin or a plain member; the last admin stays. */
export async function setMemberRole(
  deps: Deps,
  { viewer, id, userId, role }: { viewer: Viewer; id: string; userId: string; role: MemberRole },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockManaged(tx, viewer, id, now);
    const row = await membershipOf(tx, id, userId);
    if (!row) throw notFound();
    if (row.state !== 'active') throw notFound();
    if (row.role === 'admin' && role === 'member') await assertNotLastAdmin(tx, id, userId);
    await tx
      .update(groupMembers)
      .set({ role })
      .where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, userId)));
    await audit(tx, {
      actorId: viewer.id,
      action: 'group.role_set',
      subjectType: 'group',
      subjectId: id,
      data: { userId, role },
      at: now,
    });
    const member = await memberOf(tx, id, userId);
    if (!member) throw notFound();
    return member;
  });
}

/** Admins (or HR) remove a member, withdraw an invitation or drop a request; the last admin stays. */
export async function removeMember(
  deps: Deps,
  { viewer, id, userId }: { viewer: Viewer; id: string; userId: string },
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockManaged(tx, viewer, id, now);
    const row = await membershipOf(tx, id, userId);
    if (!row) throw notFound();
    if (row.state === 'active' && row.role === 'admin') await assertNotLastAdmin(tx, id, userId);
    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, id), eq(groupMembers.userId, userId)));
    await recount(tx, id, now);
    await audit(tx, {
      actorId: viewer.id,
      action: 'group.member_removed',
      subjectType: 'group',
      subjectId: id,
      data: { userId, state: row.state },
      at: now,
    });
  });
}
