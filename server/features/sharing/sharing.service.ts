import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNotNull, isNull, sql, sum } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { posts, shareLinks, users } from '#server/db/schema';
import { listedPostsWhere } from '#server/features/posts/posts.policy';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';
import { isRedirectable } from './sharing.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export type ShareLinkRow = typeof shareLinks.$inferSelect;

const kitColumns = {
  id: posts.id,
  title: posts.title,
  shareTextJa: posts.shareTextJa,
  shareTextEn: posts.shareTextEn,
  shareUrl: posts.shareUrl,
};
export type SharePostRow = {
  id: string;
  title: string | null;
  shareTextJa: string | null;
  shareTextEn: string | null;
  shareUrl: string | null;
};

/** A listed post the viewer may see that carries a share kit (a share address), else 404. */
async function findSharablePost(db: Db, viewer: Viewer, postId: string, now: Date): Promise<SharePostRow> {
  const [post] = await db
    .select(kitColumns)
    .from(posts)
    .where(and(eq(posts.id, postId), isNotNull(posts.shareUrl), listedPostsWhere(viewer, now)));
  if (!post || !isRedirectable(post.shareUrl)) throw notFound();
  return post;
}

async function findLink(db: Db, viewer: Viewer, postId: string) {
  const [link] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.postId, postId), eq(shareLinks.userId, viewer.id)));
  return link ?? null;
}

/** The post's share kit and the viewer's link if they made one. */
export async function getShareKit(deps: Deps, { viewer, postId }: { viewer: Viewer; postId: string }) {
  const post = await findSharablePost(deps.db, viewer, postId, deps.clock.now());
  return { post, link: await findLink(deps.db, viewer, post.id) };
}

/** The viewer's personal link for the post: made once (a random token), the same ever after. */
export async function createShareLink(deps: Deps, { viewer, postId }: { viewer: Viewer; postId: string }) {
  const now = deps.clock.now();
  const post = await findSharablePost(deps.db, viewer, postId, now);
  await deps.db
    .insert(shareLinks)
    .values({
      token: randomBytes(12).toString('base64url'),
      postId: post.id,
      userId: viewer.id,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [shareLinks.postId, shareLinks.userId] });
  const link = await findLink(deps.db, viewer, post.id);
  if (!link) throw notFound();
  return { post, link };
}

/**
 * A click on a share link: one more on the link and on the post, in one transaction, and the
 * address to send the visitor to. Nothing about the visitor is read or kept. Null when the token
 * is unknown or the post is no longer shareable (deleted, hidden, no address).
 */
export async function followShareLink(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return null;
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ postId: posts.id, shareUrl: posts.shareUrl })
      .from(shareLinks)
      .innerJoin(posts, eq(posts.id, shareLinks.postId))
      .where(and(eq(shareLinks.token, token), isNull(posts.deletedAt), isNull(posts.hiddenAt)));
    if (!target || !isRedirectable(target.shareUrl)) return null;
    await tx
      .update(shareLinks)
      .set({ clicks: sql`${shareLinks.clicks} + 1` })
      .where(eq(shareLinks.token, token));
    await tx
      .update(posts)
      .set({ shareClicks: sql`${posts.shareClicks} + 1` })
      .where(eq(posts.id, target.postId));
    return target.shareUrl;
  });
}

/** How far members carried a post (HR): clicks, links made, the ten whose links were clicked most. */
export async function shareStats(deps: Deps, { viewer, postId }: { viewer: Viewer; postId: string }) {
  const now = deps.clock.now();
  const [post] = await deps.db
    .select({ id: posts.id, shareClicks: posts.shareClicks })
    .from(posts)
    .where(and(eq(posts.id, postId), listedPostsWhere(viewer, now)));
  if (!post) throw notFound();
  const [links] = await deps.db
    .select({ n: count(), clicks: sum(shareLinks.clicks) })
    .from(shareLinks)
    .where(eq(shareLinks.postId, post.id));
  const top = await deps.db
    .select({ id: users.id, displayName: users.name, clicks: shareLinks.clicks })
    .from(shareLinks)
    .innerJoin(users, eq(users.id, shareLinks.userId))
    .where(and(eq(shareLinks.postId, post.id), gt(shareLinks.clicks, 0)))
    .orderBy(desc(shareLinks.clicks), users.name)
    .limit(10);
  return { postId: post.id, totalClicks: post.shareClicks, linksCreated: links?.n ?? 0, topSharers: top };
}
