import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { ChecklistItemKey, HrFigureKey } from '#common/home';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import {
  auditEvents,
  groupMembers,
  homeChecklistDismissals,
  invitations,
  jobAlerts,
  leaverCases,
  posts,
  profiles,
  reports,
  users,
  verificationRequests,
} from '#server/db/schema/index';
import { getFreshnessSettings, staleCutoff } from '#server/features/freshness/freshness.service';
import { listedPostsWhere } from '#server/features/posts/posts.policy';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** Where each checklist item is done. */
const checklistLinks = (viewer: Viewer): Record<ChecklistItemKey, string> => ({
  profile: `/members/${viewer.id}/edit`,
  privacy: `/members/${viewer.id}/edit`,
  group: '/groups',
  post: '/feed',
  jobAlert: '/jobs/alerts',
});

/**
 * The member's home: the "getting started" checklist, each item read from real data in one
 * statement (profile complete: bio, skills and a current position; privacy: at least one field's
 * visibility chosen; a group joined; a post written; a job alert set), and whether it was closed.
 */
export async function getMemberHome({ db }: Pick<Deps, 'db'>, { viewer }: { viewer: Viewer }) {
  const [row] = await db
    .select({
      profileDone: sql<boolean>`coalesce(
        nullif(btrim(${profiles.bio}), '') is not null
        and cardinality(${profiles.skills}) > 0
        and (nullif(btrim(${profiles.currentTitle}), '') is not null
          or nullif(btrim(${profiles.currentEmployer}), '') is not null
          or (${profiles.leftOn} is null and nullif(btrim(${profiles.lastTitle}), '') is not null)), false)`,
      privacyDone: sql<boolean>`coalesce(${profiles.visibility} <> '{}'::jsonb, false)`,
      groups: sql<number>`(select count(*)::int from ${groupMembers}
        where ${groupMembers.userId} = ${viewer.id} and ${groupMembers.state} = 'active')`,
      posts: sql<number>`(select count(*)::int from ${posts}
        where ${posts.authorId} = ${viewer.id} and ${posts.deletedAt} is null)`,
      jobAlerts: sql<number>`(select count(*)::int from ${jobAlerts}
        where ${jobAlerts.userId} = ${viewer.id} and ${jobAlerts.active})`,
      dismissed: sql<boolean>`exists (select 1 from ${homeChecklistDismissals}
        where ${homeChecklistDismissals.userId} = ${viewer.id})`,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, viewer.id));
  const counts = {
    groups: Number(row?.groups ?? 0),
    posts: Number(row?.posts ?? 0),
    jobAlerts: Number(row?.jobAlerts ?? 0),
  };
  const done: Record<ChecklistItemKey, boolean> = {
    profile: Boolean(row?.profileDone),
    privacy: Boolean(row?.privacyDone),
    group: counts.groups > 0,
    post: counts.posts > 0,
    jobAlert: counts.jobAlerts > 0,
  };
  return { done, links: checklistLinks(viewer), dismissed: Boolean(row?.dismissed), counts };
}
export type MemberHomeData = Awaited<ReturnType<typeof getMemberHome>>;

/** Closes (or reopens) the checklist for this member: one small row. */
export async function setChecklistDismissed(
  deps: Deps,
  { viewer, dismissed }: { viewer: Viewer; dismissed: boolean },
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (dismissed) {
      await tx
        .insert(homeChecklistDismissals)
        .values({ userId: viewer.id, dismissedAt: now })
        .onConflictDoNothing();
    } else {
      await tx.delete(homeChecklistDismissals).where(eq(homeChecklistDismissals.userId, viewer.id));
    }
  });
  return getMemberHome(deps, { viewer });
}

/** Where HR handles each figure. */
export const HR_FIGURE_LINKS: Record<HrFigureKey, string> = {
  joinRequests: '/admin/join-requests',
  exitCases: '/admin/exits',
  reports: '/admin/moderation',
  staleProfiles: '/admin/freshness',
  invitations: '/admin/members',
};

const one = async (query: PromiseLike<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

/** The figures that need HR's action: one indexed count each. */
async function hrFigures(db: Db, now: Date) {
  const { months } = await getFreshnessSettings({ db });
  const cutoff = staleCutoff(now, months);
  const openInvitation = and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
  const joinRequests = await one(
    db.select({ n: count() }).from(verificationRequests).where(eq(verificationRequests.status, 'pending')),
  );
  const exitCases = await one(
    db.select({ n: count() }).from(leaverCases).where(eq(leaverCases.status, 'open')),
  );
  const openReports = await one(db.select({ n: count() }).from(reports).where(eq(reports.status, 'open')));
  const staleProfiles = await one(
    db
      .select({ n: count() })
      .from(profiles)
      .where(and(eq(profiles.isActive, true), lt(profiles.confirmedAt, cutoff))),
  );
  const pending = await one(db.select({ n: count() }).from(invitations).where(openInvitation));
  const undelivered = await one(
    db
      .select({ n: count() })
      .from(invitations)
      .where(and(openInvitation, inArray(invitations.deliveryStatus, ['failed', 'bounced']))),
  );
  const figures: { key: HrFigureKey; count: number; detail: number | null }[] = [
    { key: 'joinRequests', count: joinRequests, detail: null },
    { key: 'exitCases', count: exitCases, detail: null },
    { key: 'reports', count: openReports, detail: null },
    { key: 'staleProfiles', count: staleProfiles, detail: null },
    { key: 'invitations', count: pending, detail: undelivered },
  ];
  return { months, figures: figures.map((f) => ({ ...f, link: HR_FIGURE_LINKS[f.key] })) };
}

export interface ActivityRow {
  id: string;
  kind: 'joined' | 'posted' | 'audit';
  at: Date;
  actor: { id: string; displayName: string; role: Role } | null;
  action: string | null;
  title: string | null;
  link: string | null;
}

/** Where an audit entry's subject is handled, for the subjects HR has a page for. */
function auditLink(subjectType: string, subjectId: string | null): string | null {
  if (!subjectId) return null;
  switch (subjectType) {
    case 'job':
      return `/jobs/${subjectId}`;
    case 'leaver_case':
      return `/exits/${subjectId}`;
    case 'member':
    case 'user':
      return `/members/${subjectId}`;
    case 'pipeline_card':
      return `/admin/pipeline/${subjectId}`;
    case 'post':
      return `/posts/${subjectId}`;
    default:
      return null;
  }
}

/**
 * The latest activity: members who joined, posts (as the policy lets this HR viewer see them:
 * never a deleted or hidden one) and the audit trail, newest first. Names come from the users
 * table, so an erased actor is simply absent.
 */
async function latestActivity(db: Db, { viewer, now, limit }: { viewer: Viewer; now: Date; limit: number }) {
  const joins = await db
    .select({ id: users.id, name: users.name, role: users.role, at: users.createdAt })
    .from(users)
    .where(eq(users.status, 'active'))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit);
  const recentPosts = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      postId: posts.id,
      kind: posts.kind,
      title: posts.title,
      at: posts.createdAt,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(listedPostsWhere(viewer, now))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit);
  const events = await db
    .select({
      eventId: auditEvents.id,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      at: auditEvents.createdAt,
      actorId: users.id,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
  const rows: ActivityRow[] = [
    ...joins.map((j) => ({
      id: `joined:${j.id}`,
      kind: 'joined' as const,
      at: j.at,
      actor: { id: j.id, displayName: j.name, role: j.role },
      action: null,
      title: null,
      link: `/members/${j.id}`,
    })),
    ...recentPosts.map((p) => ({
      id: `posted:${p.postId}`,
      kind: 'posted' as const,
      at: p.at,
      actor: { id: p.id, displayName: p.name, role: p.role },
      action: p.kind,
      title: p.title,
      link: `/posts/${p.postId}`,
    })),
    ...events.map((e) => ({
      id: `audit:${e.eventId}`,
      kind: 'audit' as const,
      at: e.at,
      actor:
        e.actorId && e.actorName && e.actorRole
          ? { id: e.actorId, displayName: e.actorName, role: e.actorRole }
          : null,
      action: e.action,
      title: null,
      link: auditLink(e.subjectType, e.subjectId),
    })),
  ];
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id)).slice(0, limit);
}

/** HR's home: the figures that need action, each linking to its page, and the latest activity. */
export async function getHrHome(deps: Deps, { viewer, activity }: { viewer: Viewer; activity: number }) {
  const now = deps.clock.now();
  const figures = await hrFigures(deps.db, now);
  const lines = await latestActivity(deps.db, { viewer, now, limit: activity });
  return { ...figures, activity: lines };
}
export type HrHomeData = Awaited<ReturnType<typeof getHrHome>>;
