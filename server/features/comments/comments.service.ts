import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { CommentCreate, CommentListQuery, CommentUpdate } from '#common/comments';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { comments, posts, users } from '#server/db/schema';
import { canView, type GovernedItem, type Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { t } from '#server/lib/i18n';
import { markdownToText } from '#server/lib/markdown';
import { MAX_MENTIONS, parseMemberText, renderMemberText } from '#server/lib/member-text';
import { notify } from '#server/lib/notify';
import { assertMayPost } from '#server/lib/posting-suspension';
import { rateLimiter } from '#server/lib/rate-limit';
import { blockedAmong, outsideBlocksOf } from '#server/lib/relations';
import { readablePostWhere, shownCommentWhere, writablePostWhere } from './comments.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;

/** Commenting is limited per member: a burst of 20 in 10 minutes is plenty for a conversation. */
export const COMMENT_RATE_LIMIT = { max: 20, windowMs: 10 * 60_000 };

export type CommentRow = typeof comments.$inferSelect & { authorName: string | null };
export type PostRef = Pick<
  typeof posts.$inferSelect,
  'id' | 'authorId' | 'classification' | 'audience' | 'title' | 'bodyMarkdown' | 'commentCount'
>;

const postRefColumns = {
  id: posts.id,
  authorId: posts.authorId,
  classification: posts.classification,
  audience: posts.audience,
  title: posts.title,
  bodyMarkdown: posts.bodyMarkdown,
  commentCount: posts.commentCount,
};

/** The post as a governed item, for the notification service and the mention check. */
export const governedPost = (post: PostRef): GovernedItem => ({
  classification: post.classification,
  audience: post.audience,
  ownerId: post.authorId,
});

/** What a notification about the post says (its title, else the start of its text). */
export const postLabel = (post: Pick<PostRef, 'title' | 'bodyMarkdown'>) =>
  snippet(post.title?.trim() || markdownToText(post.bodyMarkdown));

const snippet = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The post, when the viewer may read it (404 otherwise). */
export async function findReadablePost(db: Db, viewer: Viewer, postId: string, now: Date): Promise<PostRef> {
  const [post] = await db
    .select(postRefColumns)
    .from(posts)
    .where(readablePostWhere(viewer, postId, now));
  if (!post) throw notFound();
  return post;
}

/** The post, locked for the write, when the viewer may add to it (hidden or deleted: 404). */
export async function lockWritablePost(db: Db, viewer: Viewer, postId: string, now: Date): Promise<PostRef> {
  const [post] = await db
    .select(postRefColumns)
    .from(posts)
    .where(writablePostWhere(viewer, postId, now))
    .for('update', { of: posts });
  if (!post) throw notFound();
  return post;
}

// ---- mentions ----------------------------------------------------------------------------------

const MENTION_NAMES = /@\[([^\]\n]{1,100})\]\(member:([A-Za-z0-9_-]{1,64})\)/g;

/**
 * The members a text mentions, checked against the post: each must be an active member who may
 * see it, else a 400 naming them (as typed) — a mention never tells anyone of a post they cannot
 * see. Returns the allowed ids and the names to show.
 */
async function checkMentions(
  db: Db,
  {
    source,
    post,
    now,
    locale,
    actorId,
  }: { source: string; post: PostRef; now: Date; locale: Locale; actorId: string },
): Promise<{ mentionIds: string[]; names: Map<string, string> }> {
  const { mentionIds } = parseMemberText(source);
  if (mentionIds.length === 0) return { mentionIds, names: new Map() };
  if (mentionIds.length > MAX_MENTIONS) {
    throw new AppError('bad_request', 'error.bad_request', {
      bodyMarkdown: [t(locale, 'kz.tooManyMentions', { n: MAX_MENTIONS })],
    });
  }
  const viewers = await loadViewers(db, mentionIds);
  const item = governedPost(post);
  // A member blocked with the writer either way is refused like one outside the audience (issue 12).
  const blocked = await blockedAmong(db, actorId, mentionIds);
  const allowed = new Map(
    viewers.filter((v) => !blocked.has(v.id) && canView(v, item, now)).map((v) => [v.id, v.displayName]),
  );
  const refused = mentionIds.filter((id) => !allowed.has(id));
  if (refused.length > 0) {
    const typed = new Map<string, string>();
    for (const m of source.matchAll(MENTION_NAMES)) typed.set(m[2] as string, m[1] as string);
    const names = refused.map((id) => typed.get(id) ?? id).join(', ');
    throw new AppError('bad_request', 'error.bad_request', {
      bodyMarkdown: [t(locale, 'kz.mentionOutsideAudience', { names })],
    });
  }
  return { mentionIds, names: allowed };
}

// ---- reading -----------------------------------------------------------------------------------

const commentColumns = {
  id: comments.id,
  postId: comments.postId,
  parentId: comments.parentId,
  authorId: comments.authorId,
  bodyMarkdown: comments.bodyMarkdown,
  bodyHtml: comments.bodyHtml,
  mentionIds: comments.mentionIds,
  hiddenAt: comments.hiddenAt,
  hiddenBy: comments.hiddenBy,
  hiddenReason: comments.hiddenReason,
  deletedAt: comments.deletedAt,
  editedAt: comments.editedAt,
  createdAt: comments.createdAt,
  authorName: users.name,
};

/** The keyset cursor: the last top-level comment's time and id. */
export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  const year = createdAt.getUTCFullYear();
  if (!id || Number.isNaN(year) || year < 1970 || year > 9999 || !/^[\w-]{1,64}$/.test(id)) {
    throw new AppError('bad_request', 'error.bad_request', { after: ['kz.cursor'] });
  }
  return { createdAt, id };
}

export interface CommentThreadRows {
  post: PostRef;
  items: { comment: CommentRow; replies: CommentRow[] }[];
  nextCursor: string | null;
}

/**
 * A page of the post's comments, oldest first, each top-level comment with its replies. A deleted
 * comment, or a hidden one of someone else, appears only as a placeholder kept for its replies.
 */
export async function listComments(
  deps: Deps,
  { viewer, postId, query }: { viewer: Viewer; postId: string; query: CommentListQuery },
): Promise<CommentThreadRows> {
  const now = deps.clock.now();
  const post = await findReadablePost(deps.db, viewer, postId, now);
  const replies = sql`exists (select 1 from comments r where r.parent_id = ${comments.id}
    and r.deleted_at is null and (r.hidden_at is null or r.author_id = ${viewer.id}))`;
  const conditions: SQL[] = [
    eq(comments.postId, post.id),
    isNull(comments.parentId),
    sql`(${shownCommentWhere(viewer)} or ${replies})`,
    // A thread started by a member blocked with the viewer either way is not shown (issue 12).
    outsideBlocksOf(viewer.id, comments.authorId),
  ];
  if (query.after) {
    const after = decodeCursor(query.after);
    conditions.push(
      sql`(${comments.createdAt}, ${comments.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id})`,
    );
  }
  const top = await deps.db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(...conditions))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(query.limit + 1);
  const hasMore = top.length > query.limit;
  const page = top.slice(0, query.limit);
  const ids = page.map((c) => c.id);
  const replyRows =
    ids.length === 0
      ? []
      : await deps.db
          .select(commentColumns)
          .from(comments)
          .leftJoin(users, eq(users.id, comments.authorId))
          .where(
            and(
              inArray(comments.parentId, ids),
              eq(comments.postId, post.id),
              shownCommentWhere(viewer),
              outsideBlocksOf(viewer.id, comments.authorId),
            ),
          )
          .orderBy(asc(comments.createdAt), asc(comments.id));
  const last = page.at(-1);
  return {
    post,
    items: page.map((comment) => ({
      comment,
      replies: replyRows.filter((r) => r.parentId === comment.id),
    })),
    nextCursor: hasMore && last ? encodeCursor(last) : null,
  };
}

async function findOwnComment(db: Db, viewer: Viewer, id: string): Promise<CommentRow> {
  const [row] = await db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.id, id), eq(comments.authorId, viewer.id), isNull(comments.deletedAt)))
    .for('update', { of: comments });
  if (!row) throw notFound();
  return row;
}

// ---- writing -----------------------------------------------------------------------------------

/**
 * A comment or a reply. In one transaction: the post is locked (and must be listed for the
 * viewer), the parent checked, the text rendered with the allowed mentions, the post's count
 * raised, and the post's author, the parent's author and the mentioned members notified.
 */
export async function addComment(
  deps: WriteDeps,
  { viewer, postId, input, locale }: { viewer: Viewer; postId: string; input: CommentCreate; locale: Locale },
): Promise<CommentRow> {
  const now = deps.clock.now();
  await assertMayPost(deps.db, viewer.id, now);
  await rateLimiter(deps, 'comments', COMMENT_RATE_LIMIT).take(viewer.id, now);
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const post = await lockWritablePost(db, viewer, postId, now);
    let parent: { id: string; authorId: string } | undefined;
    if (input.parentId) {
      [parent] = await db
        .select({ id: comments.id, authorId: comments.authorId })
        .from(comments)
        .where(
          and(
            eq(comments.id, input.parentId),
            eq(comments.postId, post.id),
            isNull(comments.parentId),
            shownCommentWhere(viewer),
          ),
        );
      if (!parent) throw new AppError('bad_request', 'error.bad_request', { parentId: ['kz.commentParent'] });
    }
    const { mentionIds, names } = await checkMentions(db, {
      source: input.bodyMarkdown,
      post,
      now,
      locale,
      actorId: viewer.id,
    });
    const id = randomUUID();
    const [row] = await db
      .insert(comments)
      .values({
        id,
        postId: post.id,
        parentId: parent?.id ?? null,
        authorId: viewer.id,
        bodyMarkdown: input.bodyMarkdown,
        bodyHtml: renderMemberText(input.bodyMarkdown, names),
        mentionIds,
        createdAt: now,
      })
      .returning();
    await db
      .update(posts)
      .set({ commentCount: sql`${posts.commentCount} + 1` })
      .where(eq(posts.id, post.id));

    const base = {
      threadKey: `post:${post.id}`,
      actorId: viewer.id,
      link: `/posts/${post.id}`,
      item: governedPost(post),
      data: { title: postLabel(post), snippet: snippet(markdownToText(input.bodyMarkdown)) },
    };
    // One notification per person: a reply to them, else a comment on their post, else a mention.
    const told = new Set<string>([viewer.id]);
    if (parent && !told.has(parent.authorId)) {
      await notify(db, now, { ...base, type: 'comment_reply', userIds: [parent.authorId] });
      told.add(parent.authorId);
    }
    if (!told.has(post.authorId)) {
      await notify(db, now, { ...base, type: 'post_comment', userIds: [post.authorId] });
      told.add(post.authorId);
    }
    const mentioned = mentionIds.filter((m) => !told.has(m));
    if (mentioned.length > 0) await notify(db, now, { ...base, type: 'mention', userIds: mentioned });
    return { ...(row as typeof comments.$inferSelect), authorName: viewer.displayName };
  });
}

/** The author edits their comment; members newly mentioned are told. */
export async function editComment(
  deps: Deps,
  { viewer, id, input, locale }: { viewer: Viewer; id: string; input: CommentUpdate; locale: Locale },
): Promise<CommentRow> {
  const now = deps.clock.now();
  await assertMayPost(deps.db, viewer.id, now);
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const current = await findOwnComment(db, viewer, id);
    const post = await findReadablePost(db, viewer, current.postId, now);
    const { mentionIds, names } = await checkMentions(db, {
      source: input.bodyMarkdown,
      post,
      now,
      locale,
      actorId: viewer.id,
    });
    const [row] = await db
      .update(comments)
      .set({
        bodyMarkdown: input.bodyMarkdown,
        bodyHtml: renderMemberText(input.bodyMarkdown, names),
        mentionIds,
        editedAt: now,
      })
      .where(eq(comments.id, id))
      .returning();
    const added = mentionIds.filter((m) => !current.mentionIds.includes(m));
    if (added.length > 0 && !current.hiddenAt) {
      await notify(db, now, {
        type: 'mention',
        userIds: added,
        threadKey: `post:${post.id}`,
        actorId: viewer.id,
        link: `/posts/${post.id}`,
        item: governedPost(post),
        data: { title: postLabel(post), snippet: snippet(markdownToText(input.bodyMarkdown)) },
      });
    }
    return { ...(row as typeof comments.$inferSelect), authorName: current.authorName };
  });
}

/** The author deletes their comment (the row stays as a placeholder for its replies). */
export async function deleteComment(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const current = await findOwnComment(db, viewer, id);
    // The author may delete under a post they can still read (their own hidden post included).
    await findReadablePost(db, viewer, current.postId, now);
    await db.update(comments).set({ deletedAt: now }).where(eq(comments.id, id));
    await db
      .update(posts)
      .set({ commentCount: sql`greatest(${posts.commentCount} - 1, 0)` })
      .where(eq(posts.id, current.postId));
  });
}
