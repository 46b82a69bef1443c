import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  DismissInput,
  HideInput,
  ModerationTargetType,
  ReportCreate,
  ReportStatus,
} from '#common/moderation';
import type { Db } from '#server/db/client';
import {
  comments,
  memberModerationNotes,
  postingSuspensions,
  postRevisions,
  posts,
  reports,
  users,
} from '#server/db/schema/index';
import { visiblePostsWhere } from '#server/features/posts/posts.policy';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { markdownToText } from '#server/lib/markdown';
import { notify } from '#server/lib/notify';
import { rateLimiter } from '#server/lib/rate-limit';
import { SUSPENSION_COLUMNS } from './moderation.suspensions';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type ReportDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;

/** Reports a member may file per hour: enough for a bad afternoon, not for flooding the queue. */
export const REPORT_RATE_LIMIT = { max: 20, windowMs: 60 * 60 * 1000 };

export type ReportRow = typeof reports.$inferSelect;

/** A target: a post, or a comment of a post. */
export interface Target {
  postId: string;
  commentId: string | null;
}
const targetType = (t: Target): ModerationTargetType => (t.commentId ? 'comment' : 'post');
const sameTarget = (t: Target): SQL =>
  and(
    eq(reports.postId, t.postId),
    t.commentId ? eq(reports.commentId, t.commentId) : isNull(reports.commentId),
  ) as SQL;

// ---- reporting (any member) --------------------------------------------------------------------

/**
 * Files a report on a post or comment the reporter can see; 404 otherwise (a post they may not
 * see, a hidden or deleted comment, a comment of another post). A second report by the same member
 * on the same target while the first is open is the first one (`created: false`). One's own post
 * or comment cannot be reported (400 on the target's field, no row).
 */
export async function createReport(
  deps: ReportDeps,
  { viewer, input }: { viewer: Viewer; input: ReportCreate },
): Promise<{ report: ReportRow; created: boolean }> {
  const now = deps.clock.now();
  const [post] = await deps.db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.id, input.postId), visiblePostsWhere(viewer, now)));
  if (!post) throw notFound();
  let authorId = post.authorId;
  if (input.commentId) {
    const [comment] = await deps.db
      .select({ id: comments.id, authorId: comments.authorId })
      .from(comments)
      .where(
        and(
          eq(comments.id, input.commentId),
          eq(comments.postId, input.postId),
          isNull(comments.hiddenAt),
          isNull(comments.deletedAt),
        ),
      );
    if (!comment) throw notFound();
    authorId = comment.authorId;
  }
  // One's own words are edited or deleted, not reported (the web offers no report action on them).
  if (authorId === viewer.id) {
    throw new AppError('bad_request', 'error.bad_request', {
      [input.commentId ? 'commentId' : 'postId']: ['kz.reportOwn'],
    });
  }
  await rateLimiter(deps, 'reports', REPORT_RATE_LIMIT).take(viewer.id, now);
  const target = { postId: input.postId, commentId: input.commentId ?? null };
  return deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(reports)
      .values({
        id: randomUUID(),
        postId: target.postId,
        commentId: target.commentId,
        reporterId: viewer.id,
        category: input.category,
        note: input.note ?? null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { report: inserted, created: true };
    const [existing] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.reporterId, viewer.id), eq(reports.status, 'open'), sameTarget(target)));
    if (!existing) throw new AppError('conflict');
    return { report: existing, created: false };
  });
}

// ---- the queue (HR) ----------------------------------------------------------------------------

const QUEUE_LIMIT = 200;
const iso = (d: Date | string) => new Date(d).toISOString();

/** Reported targets in one state, grouped: how many reports, which categories, first and last. */
export async function listReportQueue(deps: Deps, { status }: { status: ReportStatus }) {
  const { db } = deps;
  const groups = await db
    .select({
      postId: reports.postId,
      commentId: reports.commentId,
      reportCount: sql<number>`count(*)::int`,
      first: sql<string>`min(${reports.createdAt})`,
      last: sql<string>`max(${reports.createdAt})`,
      reportId: sql<string>`(array_agg(${reports.id} order by ${reports.createdAt}, ${reports.id}))[1]`,
    })
    .from(reports)
    .where(eq(reports.status, status))
    .groupBy(reports.postId, reports.commentId)
    .orderBy(sql`max(${reports.createdAt}) desc`)
    .limit(QUEUE_LIMIT);
  const postIds = [...new Set(groups.map((g) => g.postId))];
  const commentIds = groups.flatMap((g) => (g.commentId ? [g.commentId] : []));
  const categoryRows =
    postIds.length === 0
      ? []
      : await db
          .select({
            postId: reports.postId,
            commentId: reports.commentId,
            category: reports.category,
            n: sql<number>`count(*)::int`,
          })
          .from(reports)
          .where(and(eq(reports.status, status), inArray(reports.postId, postIds)))
          .groupBy(reports.postId, reports.commentId, reports.category);
  const postRows =
    postIds.length === 0
      ? []
      : await db
          .select({
            id: posts.id,
            title: posts.title,
            bodyMarkdown: posts.bodyMarkdown,
            hiddenAt: posts.hiddenAt,
            authorId: users.id,
            authorName: users.name,
          })
          .from(posts)
          .leftJoin(users, eq(users.id, posts.authorId))
          .where(inArray(posts.id, postIds));
  const commentRows =
    commentIds.length === 0
      ? []
      : await db
          .select({
            id: comments.id,
            bodyMarkdown: comments.bodyMarkdown,
            hiddenAt: comments.hiddenAt,
            authorId: users.id,
            authorName: users.name,
          })
          .from(comments)
          .leftJoin(users, eq(users.id, comments.authorId))
          .where(inArray(comments.id, commentIds));
  const postsById = new Map(postRows.map((p) => [p.id, p]));
  const commentsById = new Map(commentRows.map((c) => [c.id, c]));
  const items = groups.map((g) => {
    const source = g.commentId ? commentsById.get(g.commentId) : postsById.get(g.postId);
    const post = postsById.get(g.postId);
    const text = source ? markdownToText(source.bodyMarkdown) : '';
    const title = !g.commentId && post?.title ? `${post.title} — ` : '';
    return {
      reportId: g.reportId,
      targetType: targetType(g),
      postId: g.postId,
      commentId: g.commentId,
      excerpt: `${title}${text}`.slice(0, 200),
      author:
        source?.authorId && source.authorName
          ? { id: source.authorId, displayName: source.authorName }
          : null,
      reportCount: Number(g.reportCount),
      categories: categoryRows
        .filter((c) => c.postId === g.postId && c.commentId === g.commentId)
        .map((c) => ({ category: c.category, count: Number(c.n) }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      firstReportedAt: iso(g.first),
      lastReportedAt: iso(g.last),
      isHidden: Boolean(source?.hiddenAt),
    };
  });
  const countRows = await db
    .select({
      status: reports.status,
      n: sql<number>`count(distinct (${reports.postId}, coalesce(${reports.commentId}, '')))::int`,
    })
    .from(reports)
    .groupBy(reports.status);
  const counts = { open: 0, hidden: 0, dismissed: 0 };
  for (const r of countRows) counts[r.status] = Number(r.n);
  return { items, counts };
}

const REPORT_ENTRY_ORDER = [desc(reports.createdAt), desc(reports.id)];

/** One report with the content (even hidden or deleted), its author, edit history and record. */
export async function getReportDetail(deps: Deps, { id }: { id: string }) {
  const { db } = deps;
  const [report] = await db.select().from(reports).where(eq(reports.id, id));
  if (!report) throw notFound();
  const target = { postId: report.postId, commentId: report.commentId };
  const all = await db
    .select()
    .from(reports)
    .where(sameTarget(target))
    .orderBy(...REPORT_ENTRY_ORDER);
  const [post] = await db.select().from(posts).where(eq(posts.id, report.postId));
  if (!post) throw notFound();
  let content: {
    bodyHtml: string;
    createdAt: Date;
    hiddenAt: Date | null;
    hiddenReason: string | null;
    deletedAt: Date | null;
    authorId: string;
  } = post;
  if (report.commentId) {
    const [comment] = await db.select().from(comments).where(eq(comments.id, report.commentId));
    if (!comment) throw notFound();
    content = comment;
  }
  const [author] = await db
    .select({ id: users.id, displayName: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, content.authorId));
  const revisions = report.commentId
    ? []
    : await db
        .select({
          id: postRevisions.id,
          title: postRevisions.title,
          bodyMarkdown: postRevisions.bodyMarkdown,
          createdAt: postRevisions.createdAt,
        })
        .from(postRevisions)
        .where(eq(postRevisions.postId, post.id))
        .orderBy(asc(postRevisions.createdAt), asc(postRevisions.id));
  return {
    report,
    reports: all,
    target: {
      type: targetType(target),
      postId: post.id,
      commentId: report.commentId,
      postTitle: post.title,
      ...content,
    },
    author: author ?? null,
    revisions,
    authorRecord: await authorRecord(db, content.authorId, target),
  };
}

/** What moderators did about this author before: hidden content, suspensions, reports, notes. */
async function authorRecord(db: Db, authorId: string, exclude: Target) {
  const hiddenPosts = await db
    .select({ postId: posts.id, hiddenAt: posts.hiddenAt, hiddenReason: posts.hiddenReason })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), isNotNull(posts.hiddenAt)))
    .orderBy(desc(posts.hiddenAt))
    .limit(20);
  const hiddenComments = await db
    .select({
      postId: comments.postId,
      commentId: comments.id,
      hiddenAt: comments.hiddenAt,
      hiddenReason: comments.hiddenReason,
    })
    .from(comments)
    .where(and(eq(comments.authorId, authorId), isNotNull(comments.hiddenAt)))
    .orderBy(desc(comments.hiddenAt))
    .limit(20);
  const hiddenItems = [...hiddenPosts.map((p) => ({ ...p, commentId: null })), ...hiddenComments]
    .filter((h) => h.hiddenAt && !(h.postId === exclude.postId && h.commentId === exclude.commentId))
    .map((h) => ({ ...h, hiddenAt: h.hiddenAt as Date, targetType: targetType(h) }))
    .sort((a, b) => b.hiddenAt.getTime() - a.hiddenAt.getTime())
    .slice(0, 20);
  const suspensions = await db
    .select(SUSPENSION_COLUMNS)
    .from(postingSuspensions)
    .innerJoin(users, eq(users.id, postingSuspensions.userId))
    .where(eq(postingSuspensions.userId, authorId))
    .orderBy(desc(postingSuspensions.createdAt));
  const [reported] = await db
    .select({ n: count() })
    .from(reports)
    .leftJoin(posts, eq(posts.id, reports.postId))
    .leftJoin(comments, eq(comments.id, reports.commentId))
    .where(
      and(
        or(
          and(isNull(reports.commentId), eq(posts.authorId, authorId)),
          and(isNotNull(reports.commentId), eq(comments.authorId, authorId)),
        ),
        sql`not (${sameTarget(exclude)})`,
      ),
    );
  const [notes] = await db
    .select({ n: count() })
    .from(memberModerationNotes)
    .where(eq(memberModerationNotes.userId, authorId));
  return {
    hiddenItems,
    suspensions,
    reportCount: Number(reported?.n ?? 0),
    noteCount: Number(notes?.n ?? 0),
  };
}

// ---- acts (HR) ---------------------------------------------------------------------------------

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Resolves every open report on a target; returns how many. */
async function resolveOpenReports(
  tx: Tx,
  target: Target,
  {
    status,
    viewer,
    now,
    moderatorNote,
  }: { status: 'hidden' | 'dismissed'; viewer: Viewer; now: Date; moderatorNote?: string },
) {
  const resolved = await tx
    .update(reports)
    .set({ status, resolvedBy: viewer.id, resolvedAt: now, moderatorNote: moderatorNote ?? null })
    .where(and(sameTarget(target), eq(reports.status, 'open')))
    .returning({ id: reports.id });
  return resolved.map((r) => r.id);
}

/**
 * Hides a post or comment: it leaves every list (its author still sees it, with the reason),
 * every open report on it is resolved, the author is told why, and the act is audited. Hiding
 * what is already hidden keeps the first reason and only resolves the reports.
 */
async function hideInTx(
  tx: Tx,
  { viewer, target, input, now }: { viewer: Viewer; target: Target; input: HideInput; now: Date },
) {
  const type = targetType(target);
  let authorId: string;
  let hiddenAt: Date | null;
  let hiddenReason: string | null;
  let changed = false;
  if (target.commentId) {
    const [row] = await tx
      .select({
        authorId: comments.authorId,
        hiddenAt: comments.hiddenAt,
        hiddenReason: comments.hiddenReason,
      })
      .from(comments)
      .where(and(eq(comments.id, target.commentId), eq(comments.postId, target.postId)))
      .for('update');
    if (!row) throw notFound();
    ({ authorId, hiddenAt, hiddenReason } = row);
    if (!row.hiddenAt) {
      await tx
        .update(comments)
        .set({ hiddenAt: now, hiddenBy: viewer.id, hiddenReason: input.reason })
        .where(eq(comments.id, target.commentId));
      changed = true;
    }
  } else {
    const [row] = await tx
      .select({ authorId: posts.authorId, hiddenAt: posts.hiddenAt, hiddenReason: posts.hiddenReason })
      .from(posts)
      .where(eq(posts.id, target.postId))
      .for('update');
    if (!row) throw notFound();
    ({ authorId, hiddenAt, hiddenReason } = row);
    if (!row.hiddenAt) {
      await tx
        .update(posts)
        .set({ hiddenAt: now, hiddenBy: viewer.id, hiddenReason: input.reason, updatedAt: now })
        .where(eq(posts.id, target.postId));
      changed = true;
    }
  }
  if (changed) {
    hiddenAt = now;
    hiddenReason = input.reason;
  }
  const resolved = await resolveOpenReports(tx, target, {
    status: 'hidden',
    viewer,
    now,
    moderatorNote: input.moderatorNote,
  });
  if (changed) {
    // No `item`: the author always sees their own content, hidden or not.
    await notify(tx, now, {
      userIds: [authorId],
      type: 'content_hidden',
      threadKey: `post:${target.postId}`,
      actorId: viewer.id,
      link: target.commentId
        ? `/posts/${target.postId}#comment-${target.commentId}`
        : `/posts/${target.postId}`,
      data: { kind: type, reason: input.reason },
    });
  }
  await audit(tx, {
    actorId: viewer.id,
    action: `${type}.hidden`,
    subjectType: type,
    subjectId: target.commentId ?? target.postId,
    data: { postId: target.postId, reportIds: resolved, alreadyHidden: !changed, authorId },
    at: now,
  });
  return { targetType: type, ...target, hiddenAt, hiddenReason, resolvedReports: resolved.length };
}

async function openReport(tx: Tx, id: string) {
  const [report] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
  if (!report) throw notFound();
  if (report.status !== 'open') throw new AppError('conflict', 'error.reportResolved');
  return report;
}

export async function hideReported(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: HideInput },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const report = await openReport(tx, id);
    return hideInTx(tx, {
      viewer,
      target: { postId: report.postId, commentId: report.commentId },
      input,
      now,
    });
  });
}

export async function hideDirectly(
  deps: Deps,
  { viewer, target, input }: { viewer: Viewer; target: Target; input: HideInput },
) {
  const now = deps.clock.now();
  return deps.db.transaction((tx) => hideInTx(tx, { viewer, target, input, now }));
}

/** Dismisses every open report on the report's target (nothing wrong with it); audited. */
export async function dismissReport(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: DismissInput },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const report = await openReport(tx, id);
    const target = { postId: report.postId, commentId: report.commentId };
    const resolved = await resolveOpenReports(tx, target, {
      status: 'dismissed',
      viewer,
      now,
      moderatorNote: input.moderatorNote,
    });
    const type = targetType(target);
    await audit(tx, {
      actorId: viewer.id,
      action: 'report.dismissed',
      subjectType: type,
      subjectId: target.commentId ?? target.postId,
      data: { postId: target.postId, reportIds: resolved },
      at: now,
    });
    const state = await targetState(tx, target);
    return { targetType: type, ...target, ...state, resolvedReports: resolved.length };
  });
}

async function targetState(tx: Tx, target: Target) {
  const table = target.commentId ? comments : posts;
  const [row] = await tx
    .select({ hiddenAt: table.hiddenAt, hiddenReason: table.hiddenReason })
    .from(table)
    .where(eq(table.id, target.commentId ?? target.postId));
  return { hiddenAt: row?.hiddenAt ?? null, hiddenReason: row?.hiddenReason ?? null };
}

/** Shows a hidden post or comment again (a mistake, or after an appeal); audited. 409 when not hidden. */
export async function unhide(deps: Deps, { viewer, target }: { viewer: Viewer; target: Target }) {
  const now = deps.clock.now();
  const type = targetType(target);
  return deps.db.transaction(async (tx) => {
    const state = target.commentId
      ? await tx
          .update(comments)
          .set({ hiddenAt: null, hiddenBy: null, hiddenReason: null })
          .where(and(eq(comments.id, target.commentId), isNotNull(comments.hiddenAt)))
          .returning({ id: comments.id })
      : await tx
          .update(posts)
          .set({ hiddenAt: null, hiddenBy: null, hiddenReason: null, updatedAt: now })
          .where(and(eq(posts.id, target.postId), isNotNull(posts.hiddenAt)))
          .returning({ id: posts.id });
    if (state.length === 0) {
      const [exists] = target.commentId
        ? await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, target.commentId))
        : await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, target.postId));
      if (!exists) throw notFound();
      throw new AppError('conflict', 'error.notHidden');
    }
    await audit(tx, {
      actorId: viewer.id,
      action: `${type}.unhidden`,
      subjectType: type,
      subjectId: target.commentId ?? target.postId,
      data: { postId: target.postId },
      at: now,
    });
    return { targetType: type, ...target, hiddenAt: null, hiddenReason: null, resolvedReports: 0 };
  });
}

/** The post a comment belongs to (for the comment routes, which name only the comment). */
export async function commentTarget(db: Db, commentId: string): Promise<Target> {
  const [row] = await db.select({ postId: comments.postId }).from(comments).where(eq(comments.id, commentId));
  if (!row) throw notFound();
  return { postId: row.postId, commentId };
}
