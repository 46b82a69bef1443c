import { and, asc, eq, sql } from 'drizzle-orm';
import { REACTION_EMOJI, type ReactionType } from '#common/comments';
import type { Db } from '#server/db/client';
import { notifications, posts, reactions, users } from '#server/db/schema';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { notify } from '#server/lib/notify';
import { findReadablePost, governedPost, lockWritablePost, postLabel } from './comments.service';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** At most this many names per reaction in "who reacted". */
export const REACTORS_PER_REACTION = 100;

export interface ReactionStateRow {
  counts: Record<string, number>;
  mine: ReactionType[];
}

async function stateOf(db: Db, viewer: Viewer, postId: string): Promise<ReactionStateRow> {
  const [post] = await db.select({ counts: posts.reactionCounts }).from(posts).where(eq(posts.id, postId));
  const mine = await db
    .select({ reaction: reactions.reaction })
    .from(reactions)
    .where(and(eq(reactions.postId, postId), eq(reactions.userId, viewer.id)))
    .orderBy(asc(reactions.createdAt));
  return { counts: post?.counts ?? {}, mine: mine.map((r) => r.reaction) };
}

/** `reaction_counts[reaction] += delta`, in the statement that holds the post's row lock. */
const bump = (reaction: ReactionType, delta: 1 | -1) =>
  sql`jsonb_set(${posts.reactionCounts}, array[${reaction}]::text[],
    to_jsonb(greatest(coalesce((${posts.reactionCounts}->>${reaction})::int, 0) + ${delta}::int, 0)))`;

/**
 * Adds the viewer's reaction (idempotent). The post row is locked, the row inserted unless it is
 * there, and the count raised only when it was inserted, so the counts stay exact however many
 * toggles race. The post's author hears of it once per post and reactor, not per toggle.
 */
export async function addReaction(
  deps: Deps,
  { viewer, postId, reaction }: { viewer: Viewer; postId: string; reaction: ReactionType },
): Promise<ReactionStateRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const post = await lockWritablePost(db, viewer, postId, now);
    const inserted = await db
      .insert(reactions)
      .values({ postId: post.id, userId: viewer.id, reaction, createdAt: now })
      .onConflictDoNothing()
      .returning({ reaction: reactions.reaction });
    if (inserted.length > 0) {
      await db
        .update(posts)
        .set({ reactionCounts: bump(reaction, 1) })
        .where(eq(posts.id, post.id));
      const threadKey = `post:${post.id}`;
      const [already] = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, post.authorId),
            eq(notifications.threadKey, threadKey),
            eq(notifications.type, 'reaction'),
            eq(notifications.actorId, viewer.id),
          ),
        )
        .limit(1);
      if (!already) {
        await notify(db, now, {
          type: 'reaction',
          userIds: [post.authorId],
          threadKey,
          actorId: viewer.id,
          link: `/posts/${post.id}`,
          item: governedPost(post),
          data: { title: postLabel(post), emoji: REACTION_EMOJI[reaction], reaction },
        });
      }
    }
    return stateOf(db, viewer, post.id);
  });
}

/** Takes the viewer's reaction back (idempotent); the count drops only when a row went. */
export async function removeReaction(
  deps: Deps,
  { viewer, postId, reaction }: { viewer: Viewer; postId: string; reaction: ReactionType },
): Promise<ReactionStateRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const post = await lockWritablePost(db, viewer, postId, now);
    const removed = await db
      .delete(reactions)
      .where(
        and(eq(reactions.postId, post.id), eq(reactions.userId, viewer.id), eq(reactions.reaction, reaction)),
      )
      .returning({ reaction: reactions.reaction });
    if (removed.length > 0) {
      await db
        .update(posts)
        .set({ reactionCounts: bump(reaction, -1) })
        .where(eq(posts.id, post.id));
    }
    return stateOf(db, viewer, post.id);
  });
}

/** The counts, the viewer's own reactions and who reacted (active members' names only). */
export async function listReactions(deps: Deps, { viewer, postId }: { viewer: Viewer; postId: string }) {
  const now = deps.clock.now();
  const post = await findReadablePost(deps.db, viewer, postId, now);
  const state = await stateOf(deps.db, viewer, post.id);
  const rows = await deps.db
    .select({ reaction: reactions.reaction, id: users.id, displayName: users.name })
    .from(reactions)
    .innerJoin(users, eq(users.id, reactions.userId))
    .where(and(eq(reactions.postId, post.id), eq(users.status, 'active')))
    .orderBy(asc(reactions.createdAt), asc(users.id))
    .limit(REACTORS_PER_REACTION * 5);
  const reactors = new Map<ReactionType, { id: string; displayName: string }[]>();
  for (const row of rows) {
    const list = reactors.get(row.reaction) ?? [];
    if (list.length < REACTORS_PER_REACTION) list.push({ id: row.id, displayName: row.displayName });
    reactors.set(row.reaction, list);
  }
  return { ...state, reactors: [...reactors].map(([reaction, members]) => ({ reaction, members })) };
}
