import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import {
  type FeedQuery,
  isCompanyKind,
  type MentionableQuery,
  type PostAudienceInput,
  type PostCreate,
  type PostListQuery,
  type PostUpdate,
} from '#common/posts';
import { normalizeForSearch, tokenizeQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import {
  companyPosters,
  groupMembers,
  groups,
  postMedia,
  postRevisions,
  posts,
  profiles,
  reactions,
  users,
} from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import { canView, type GovernedItem, isHr, type Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { t } from '#server/lib/i18n';
import { normalizeTopic, parseMemberText, renderMemberText } from '#server/lib/member-text';
import { notify } from '#server/lib/notify';
import { assertMayPost } from '#server/lib/posting-suspension';
import { rateLimiter } from '#server/lib/rate-limit';
import { blockedAmong, outsideBlocksOf } from '#server/lib/relations';
import { removeMediaFiles } from './posts.media';
import {
  canDeletePost,
  canEditPost,
  canPinPost,
  feedScopeWhere,
  governedFromPostAudience,
  listedPostsWhere,
  mayPostCompany,
  visiblePostsWhere,
} from './posts.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'logger'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Posting: at most 30 posts or edits per member in 10 minutes. */
export const POST_WRITE_LIMIT = { max: 30, windowMs: 10 * 60_000 };

const fieldError = (field: string, message: string) =>
  new AppError('bad_request', 'error.bad_request', { [field]: [message] });

// ---- reading ------------------------------------------------------------------------------------

export const POST_COLUMNS = {
  post: posts,
  authorName: users.name,
  authorRole: users.role,
  groupNameJa: groups.nameJa,
  groupNameEn: groups.nameEn,
};

export type PostRow = typeof posts.$inferSelect & {
  authorName: string;
  authorRole: Viewer['role'];
  groupNameJa: string | null;
  groupNameEn: string | null;
};

function selectPosts(db: Db) {
  return db
    .select(POST_COLUMNS)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(groups, eq(groups.id, posts.groupId));
}

const flatten = (r: {
  post: typeof posts.$inferSelect;
  authorName: string;
  authorRole: Viewer['role'];
  groupNameJa: string | null;
  groupNameEn: string | null;
}): PostRow => ({
  ...r.post,
  authorName: r.authorName,
  authorRole: r.authorRole,
  groupNameJa: r.groupNameJa,
  groupNameEn: r.groupNameEn,
});

/** A post this viewer may see (the author also their hidden one), or 404. */
export async function findPostForViewer(db: Db, viewer: Viewer, id: string, now: Date): Promise<PostRow> {
  const [row] = await selectPosts(db).where(and(eq(posts.id, id), visiblePostsWhere(viewer, now)));
  if (!row) throw notFound();
  return flatten(row);
}

/** An opaque keyset cursor over (created_at, id). */
export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id] = raw.split('|');
  const createdAt = at ? new Date(at) : null;
  if (!createdAt || Number.isNaN(createdAt.getTime()) || !id || id.length > 100) {
    throw fieldError('cursor', 'v.invalid');
  }
  return { createdAt, id };
}

/** How many pinned posts at most head a first page. */
export const MAX_PINNED = 5;

/**
 * A page of posts, newest first, keyset over (created_at, id). With `pins`, the first page starts
 * with the pinned posts (newest pin first) and the stream below leaves them out.
 */
export async function pagePosts(
  db: Db,
  {
    viewer,
    now,
    where,
    cursor,
    limit,
    pins,
  }: { viewer: Viewer; now: Date; where: SQL[]; cursor?: string; limit: number; pins: boolean },
): Promise<{ rows: PostRow[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const listed = listedPostsWhere(viewer, now);
  // The pins and the stream are independent: on a server they go out on two connections at once.
  const [pinned, stream] = await Promise.all([
    pins && !after
      ? selectPosts(db)
          .where(and(listed, isNotNull(posts.pinnedAt), ...where))
          .orderBy(desc(posts.pinnedAt), desc(posts.id))
          .limit(MAX_PINNED)
          .then((found) => found.map(flatten))
      : [],
    selectPosts(db)
      .where(
        and(
          listed,
          ...where,
          pins ? isNull(posts.pinnedAt) : undefined,
          after ? sql`(${posts.createdAt}, ${posts.id}) < (${after.createdAt}, ${after.id})` : undefined,
        ),
      )
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(limit + 1),
  ]);
  const rows = stream.slice(0, limit).map(flatten);
  const last = rows.at(-1);
  return {
    rows: [...pinned, ...rows],
    nextCursor: stream.length > limit && last ? encodeCursor(last) : null,
  };
}

/**
 * The home feed: every listed post the viewer may see, pinned posts on top of the first page; for
 * HR only the groups it joined (`feedScopeWhere`).
 */
export function homeFeed(db: Db, viewer: Viewer, now: Date, query: FeedQuery) {
  const scope = feedScopeWhere(viewer);
  const where = scope ? [scope] : [];
  return pagePosts(db, { viewer, now, where, cursor: query.cursor, limit: query.limit, pins: true });
}

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Lists and search with the same visibility; a group's list has its pins on top. */
export function listPosts(db: Db, viewer: Viewer, now: Date, query: PostListQuery) {
  const where: SQL[] = [];
  if (query.groupId) where.push(eq(posts.groupId, query.groupId));
  if (query.authorId) where.push(eq(posts.authorId, query.authorId));
  if (query.kind) where.push(eq(posts.kind, query.kind));
  if (query.topic) where.push(sql`${posts.topics} @> array[${normalizeTopic(query.topic)}]::text[]`);
  for (const token of tokenizeQuery(query.q)) {
    where.push(sql`${posts.searchText} like ${likePattern(token)}`);
  }
  const pins = Boolean(query.groupId) && !query.topic && !query.q && !query.authorId && !query.kind;
  return pagePosts(db, { viewer, now, where, cursor: query.cursor, limit: query.limit, pins });
}

// ---- what the presenter needs besides the row ----------------------------------------------------

export interface PostContext {
  viewer: Viewer;
  media: Map<string, (typeof postMedia.$inferSelect)[]>;
  mentionNames: Map<string, string>;
  myReactions: Map<string, string[]>;
  adminOfGroups: Set<string>;
}

export async function postContext(db: Db, viewer: Viewer, rows: readonly PostRow[]): Promise<PostContext> {
  const ids = rows.map((r) => r.id);
  const mentionIds = [...new Set(rows.flatMap((r) => r.mentionIds))];
  const groupIds = [...new Set(rows.map((r) => r.groupId).filter((g): g is string => g !== null))];
  const [media, names, mine, admin] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(postMedia)
          .where(inArray(postMedia.postId, ids))
          .orderBy(asc(postMedia.position), asc(postMedia.createdAt))
      : [],
    mentionIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, mentionIds))
      : [],
    ids.length
      ? db
          .select({ postId: reactions.postId, reaction: reactions.reaction })
          .from(reactions)
          .where(and(inArray(reactions.postId, ids), eq(reactions.userId, viewer.id)))
      : [],
    groupIds.length
      ? db
          .select({ groupId: groupMembers.groupId })
          .from(groupMembers)
          .where(
            and(
              eq(groupMembers.userId, viewer.id),
              eq(groupMembers.state, 'active'),
              eq(groupMembers.role, 'admin'),
              inArray(groupMembers.groupId, groupIds),
            ),
          )
      : [],
  ]);
  const byPost = new Map<string, (typeof postMedia.$inferSelect)[]>();
  for (const m of media) if (m.postId) byPost.set(m.postId, [...(byPost.get(m.postId) ?? []), m]);
  const myReactions = new Map<string, string[]>();
  for (const r of mine) myReactions.set(r.postId, [...(myReactions.get(r.postId) ?? []), r.reaction]);
  return {
    viewer,
    media: byPost,
    mentionNames: new Map(names.map((n) => [n.id, n.name])),
    myReactions,
    adminOfGroups: new Set(admin.map((a) => a.groupId)),
  };
}

// ---- writing ------------------------------------------------------------------------------------

const MENTION_TYPED = /@\[([^\]\n]{1,100})\]\(member:([A-Za-z0-9_-]{1,64})\)/g;

/**
 * The members the text mentions, each checked against the post's audience: a mention of someone
 * the audience cannot see (or who does not exist) is a 400 on the body naming them.
 */
async function resolveMentions(
  db: Db,
  {
    source,
    item,
    locale,
    now,
    actorId,
  }: { source: string; item: GovernedItem; locale: Locale; now: Date; actorId: string },
): Promise<Map<string, string>> {
  const { mentionIds } = parseMemberText(source);
  if (mentionIds.length === 0) return new Map();
  const viewers = await loadViewers(db, mentionIds);
  // A member blocked with the writer either way is refused like one outside the audience (issue 12).
  const blocked = await blockedAmong(db, actorId, mentionIds);
  const allowed = new Map(
    viewers.filter((v) => !blocked.has(v.id) && canView(v, item, now)).map((v) => [v.id, v.displayName]),
  );
  const typed = new Map([...source.matchAll(MENTION_TYPED)].map((m) => [m[2] as string, m[1] as string]));
  const refused = mentionIds.filter((id) => !allowed.has(id));
  if (refused.length > 0) {
    throw new AppError(
      'bad_request',
      'error.bad_request',
      Object.assign(Object.create(null), {
        bodyMarkdown: refused.map((id) => t(locale, 'kz.postMentionOutside', { name: typed.get(id) ?? id })),
      }),
    );
  }
  return allowed;
}

function contentColumns(
  input: { title: string | null; bodyMarkdown: string },
  mentions: Map<string, string>,
) {
  const { topics } = parseMemberText(input.bodyMarkdown);
  return {
    title: input.title,
    bodyMarkdown: input.bodyMarkdown,
    bodyHtml: renderMemberText(input.bodyMarkdown, mentions),
    topics: topics.slice(0, 10),
    mentionIds: [...mentions.keys()],
    searchText: normalizeForSearch(
      [input.title ?? '', input.bodyMarkdown, ...topics.map((t) => `#${t}`)].join(' '),
    ),
  };
}

async function isAppointed(db: Db, userId: string) {
  const [row] = await db
    .select({ userId: companyPosters.userId })
    .from(companyPosters)
    .where(eq(companyPosters.userId, userId));
  return Boolean(row);
}

export async function mayViewerPostCompany(db: Db, viewer: Viewer) {
  return mayPostCompany(viewer, isHr(viewer) ? true : await isAppointed(db, viewer.id));
}

/** A group post: the group exists and is active; the author is an active member (HR: any group). */
async function assertGroupAudience(db: Db, viewer: Viewer, input: PostAudienceInput) {
  if (input.preset !== 'group' || !input.groupId) return;
  const [group] = await db
    .select({ id: groups.id, status: groups.status, member: groupMembers.userId })
    .from(groups)
    .leftJoin(
      groupMembers,
      and(
        eq(groupMembers.groupId, groups.id),
        eq(groupMembers.userId, viewer.id),
        eq(groupMembers.state, 'active'),
      ),
    )
    .where(eq(groups.id, input.groupId));
  if (group?.status !== 'active' || (!group.member && !isHr(viewer))) {
    throw fieldError('audience.groupId', 'kz.postGroupNotMember');
  }
}

/** The uploads to attach: the writer's own, not attached elsewhere (or already on this post). */
async function attachMedia(
  tx: Tx,
  { ownerId, postId, mediaIds }: { ownerId: string; postId: string; mediaIds: string[] },
) {
  const ids = [...new Set(mediaIds)];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: postMedia.id, postId: postMedia.postId, ownerId: postMedia.ownerId })
    .from(postMedia)
    .where(inArray(postMedia.id, ids));
  const ok = found.filter((m) => (m.postId === null && m.ownerId === ownerId) || m.postId === postId);
  if (ok.length !== ids.length) throw fieldError('mediaIds', 'kz.postMediaUnknown');
  for (const [position, id] of ids.entries()) {
    await tx.update(postMedia).set({ postId, position }).where(eq(postMedia.id, id));
  }
}

async function notifyMentions(
  tx: Tx,
  now: Date,
  { post, userIds, actorId }: { post: typeof posts.$inferSelect; userIds: string[]; actorId: string },
) {
  if (userIds.length === 0) return;
  await notify(tx as unknown as Db, now, {
    userIds,
    type: 'mention',
    threadKey: `post:${post.id}`,
    actorId,
    link: `/posts/${post.id}`,
    data: { title: post.title ?? post.bodyMarkdown.slice(0, 80) },
    item: { classification: post.classification, audience: post.audience, ownerId: post.authorId },
  });
}

async function beforeWrite(deps: WriteDeps, viewer: Viewer, now: Date) {
  await assertMayPost(deps.db, viewer.id, now);
  await rateLimiter(deps, 'post-writes', POST_WRITE_LIMIT).take(viewer.id, now);
}

export async function createPost(
  deps: WriteDeps,
  { viewer, input, locale }: { viewer: Viewer; input: PostCreate; locale: Locale },
): Promise<PostRow> {
  const { db, clock } = deps;
  const now = clock.now();
  await beforeWrite(deps, viewer, now);
  const isCompany = isCompanyKind(input.kind);
  if (isCompany && !(await mayViewerPostCompany(db, viewer)))
    throw fieldError('kind', 'kz.postCompanyNotAllowed');
  await assertGroupAudience(db, viewer, input.audience);
  const governed = governedFromPostAudience(input.audience);
  const id = randomUUID();
  const mentions = await resolveMentions(db, {
    source: input.bodyMarkdown,
    item: { classification: governed.classification, audience: governed.audience, ownerId: viewer.id },
    locale,
    now,
    actorId: viewer.id,
  });
  await db.transaction(async (tx) => {
    const [post] = await tx
      .insert(posts)
      .values({
        id,
        authorId: viewer.id,
        kind: input.kind,
        isCompany,
        groupId: governed.groupId,
        classification: governed.classification,
        audience: governed.audience,
        ...contentColumns({ title: input.title ?? null, bodyMarkdown: input.bodyMarkdown }, mentions),
        shareTextJa: isCompany ? (input.shareTextJa ?? null) : null,
        shareTextEn: isCompany ? (input.shareTextEn ?? null) : null,
        shareUrl: isCompany ? (input.shareUrl ?? null) : null,
        onCareerPaths: input.kind === 'career_story' && input.onCareerPaths,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!post) throw new Error('insert returned nothing');
    await attachMedia(tx, { ownerId: viewer.id, postId: id, mediaIds: input.mediaIds });
    await notifyMentions(tx, now, { post, userIds: post.mentionIds, actorId: viewer.id });
  });
  return findPostForViewer(db, viewer, id, now);
}

export async function updatePost(
  deps: WriteDeps,
  { viewer, id, input, locale }: { viewer: Viewer; id: string; input: PostUpdate; locale: Locale },
): Promise<PostRow> {
  const { db, clock } = deps;
  const now = clock.now();
  const current = await findPostForViewer(db, viewer, id, now);
  if (!canEditPost(viewer, current)) throw notFound();
  await beforeWrite(deps, viewer, now);
  if (!current.isCompany) {
    for (const key of ['shareTextJa', 'shareTextEn', 'shareUrl'] as const) {
      if (input[key]) throw fieldError(key, 'kz.postShareCompanyOnly');
    }
  }
  if (input.onCareerPaths !== undefined && current.kind !== 'career_story') {
    throw fieldError('onCareerPaths', 'kz.postCareerStoryOnly');
  }
  // The career-paths flag is the author's consent: HR editing a company post never sets it.
  if (input.onCareerPaths !== undefined && current.authorId !== viewer.id) throw notFound();
  const title = input.title === undefined ? current.title : input.title;
  const bodyMarkdown = input.bodyMarkdown ?? current.bodyMarkdown;
  const textChanged = title !== current.title || bodyMarkdown !== current.bodyMarkdown;
  const mentions = await resolveMentions(db, {
    source: bodyMarkdown,
    item: { classification: current.classification, audience: current.audience, ownerId: current.authorId },
    locale,
    now,
    actorId: viewer.id,
  });
  let detached: string[] = [];
  await db.transaction(async (tx) => {
    if (textChanged) {
      await tx.insert(postRevisions).values({
        id: randomUUID(),
        postId: id,
        title: current.title,
        bodyMarkdown: current.bodyMarkdown,
        editedBy: viewer.id,
        createdAt: now,
      });
    }
    const [post] = await tx
      .update(posts)
      .set({
        ...contentColumns({ title, bodyMarkdown }, mentions),
        ...(current.isCompany
          ? {
              shareTextJa: input.shareTextJa === undefined ? current.shareTextJa : input.shareTextJa,
              shareTextEn: input.shareTextEn === undefined ? current.shareTextEn : input.shareTextEn,
              shareUrl: input.shareUrl === undefined ? current.shareUrl : input.shareUrl,
            }
          : {}),
        ...(input.onCareerPaths !== undefined ? { onCareerPaths: input.onCareerPaths } : {}),
        ...(textChanged ? { editedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(posts.id, id))
      .returning();
    if (!post) throw notFound();
    if (input.mediaIds) {
      const keep = new Set(input.mediaIds);
      const gone = await tx
        .select({ id: postMedia.id, storageKey: postMedia.storageKey })
        .from(postMedia)
        .where(eq(postMedia.postId, id));
      const removed = gone.filter((m) => !keep.has(m.id));
      if (removed.length > 0) {
        await tx.delete(postMedia).where(
          inArray(
            postMedia.id,
            removed.map((m) => m.id),
          ),
        );
      }
      detached = removed.map((m) => m.storageKey);
      await attachMedia(tx, { ownerId: viewer.id, postId: id, mediaIds: input.mediaIds });
    }
    const added = post.mentionIds.filter((m) => !current.mentionIds.includes(m));
    await notifyMentions(tx, now, { post, userIds: added, actorId: viewer.id });
  });
  await removeMediaFiles(deps, detached);
  return findPostForViewer(db, viewer, id, now);
}

export async function deletePost(deps: WriteDeps, { viewer, id }: { viewer: Viewer; id: string }) {
  const { db, clock } = deps;
  const now = clock.now();
  const current = await findPostForViewer(db, viewer, id, now);
  if (!canDeletePost(viewer, current)) throw notFound();
  await db.transaction(async (tx) => {
    await tx.update(posts).set({ deletedAt: now, updatedAt: now, pinnedAt: null }).where(eq(posts.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'post.deleted',
      subjectType: 'post',
      subjectId: id,
      at: now,
    });
  });
}

export async function isGroupAdmin(db: Db, viewer: Viewer, groupId: string | null) {
  if (!groupId) return false;
  const [row] = await db
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, viewer.id),
        eq(groupMembers.state, 'active'),
        eq(groupMembers.role, 'admin'),
      ),
    );
  return Boolean(row);
}

export async function setPinned(
  deps: Deps,
  { viewer, id, pinned }: { viewer: Viewer; id: string; pinned: boolean },
): Promise<PostRow> {
  const { db, clock } = deps;
  const now = clock.now();
  const current = await findPostForViewer(db, viewer, id, now);
  if (current.hiddenAt || !canPinPost(viewer, current, await isGroupAdmin(db, viewer, current.groupId))) {
    throw notFound();
  }
  await db.transaction(async (tx) => {
    await tx
      .update(posts)
      .set(pinned ? { pinnedAt: now, pinnedBy: viewer.id } : { pinnedAt: null, pinnedBy: null })
      .where(eq(posts.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: pinned ? 'post.pinned' : 'post.unpinned',
      subjectType: 'post',
      subjectId: id,
      at: now,
    });
  });
  return findPostForViewer(db, viewer, id, now);
}

/** Edit history for moderators: any post that is not deleted, newest version first. */
export async function listRevisions(db: Db, id: string) {
  const [post] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, id), isNull(posts.deletedAt)));
  if (!post) throw notFound();
  return db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      bodyMarkdown: postRevisions.bodyMarkdown,
      editorId: postRevisions.editedBy,
      editorName: users.name,
      createdAt: postRevisions.createdAt,
    })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editedBy))
    .where(eq(postRevisions.postId, id))
    .orderBy(desc(postRevisions.createdAt), desc(postRevisions.id));
}

/** The composer's preview: the same rendering, mentions shown with the names as typed. */
export function previewHtml(source: string): string {
  const typed = new Map([...source.matchAll(MENTION_TYPED)].map((m) => [m[2] as string, m[1] as string]));
  return renderMemberText(source, typed);
}

// ---- mentions picker ----------------------------------------------------------------------------

/**
 * Members the composer may offer for a mention: listed in the directory (directory rules), active,
 * matching the typed name, and able to see a post with this audience.
 */
export async function mentionable(db: Db, viewer: Viewer, now: Date, query: MentionableQuery) {
  const audience: PostAudienceInput =
    query.preset === 'group' ? { preset: 'group', groupId: query.groupId ?? '' } : { preset: query.preset };
  if (audience.preset === 'group' && !audience.groupId) return [];
  const governed = governedFromPostAudience(audience);
  const conds: (SQL | undefined)[] = [eq(users.status, 'active'), eq(profiles.isActive, true)];
  if (!isHr(viewer)) conds.push(consentedSql('directory'));
  conds.push(outsideBlocksOf(viewer.id, users.id));
  for (const token of tokenizeQuery(query.q)) {
    conds.push(sql`lower(normalize(${users.name}, NFKC)) like ${likePattern(token)}`);
  }
  if (governed.groupId) {
    conds.push(
      sql`exists (select 1 from group_members gm where gm.user_id = ${users.id}
        and gm.group_id = ${governed.groupId} and gm.state = 'active')`,
    );
  }
  const candidates = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(...conds))
    .orderBy(asc(users.name))
    .limit(50);
  const item: GovernedItem = { classification: governed.classification, audience: governed.audience };
  const viewers = await loadViewers(
    db,
    candidates.map((c) => c.id),
  );
  return viewers
    .filter((v) => v.id !== viewer.id && canView(v, item, now))
    .slice(0, 10)
    .map((v) => ({ id: v.id, displayName: v.displayName }));
}

// ---- company posters ----------------------------------------------------------------------------

export function listPosters(db: Db) {
  return db
    .select({
      userId: companyPosters.userId,
      displayName: users.name,
      email: users.email,
      appointedAt: companyPosters.createdAt,
    })
    .from(companyPosters)
    .innerJoin(users, eq(users.id, companyPosters.userId))
    .orderBy(asc(users.name));
}

export async function appointPoster(deps: Deps, { viewer, userId }: { viewer: Viewer; userId: string }) {
  const { db, clock } = deps;
  const now = clock.now();
  const [user] = await db
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.role !== 'employee' || user.status !== 'active') {
    throw fieldError('userId', 'kz.posterNotEmployee');
  }
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(companyPosters)
      .values({ userId, appointedBy: viewer.id, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw fieldError('userId', 'kz.posterAlready');
    await audit(tx, {
      actorId: viewer.id,
      action: 'post.poster_appointed',
      subjectType: 'user',
      subjectId: userId,
      at: now,
    });
  });
}

export async function removePoster(deps: Deps, { viewer, userId }: { viewer: Viewer; userId: string }) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const removed = await tx.delete(companyPosters).where(eq(companyPosters.userId, userId)).returning();
    if (removed.length === 0) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'post.poster_removed',
      subjectType: 'user',
      subjectId: userId,
      at: now,
    });
  });
}
