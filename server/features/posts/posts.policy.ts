import { type SQL, sql } from 'drizzle-orm';
import { posts } from '#server/db/schema';
import { type Viewer, visibleItemsWhere } from '#server/lib/access/policy';

/**
 * Which posts a viewer may see (issue 11): the one policy over the post's classification and
 * audience (an `internal` post never reaches an alumnus; a group post reaches the group's active
 * members), never a deleted post, and a hidden post only for its author (who is told why).
 * Every path that reads posts — by id, list, search, feed, comments, reactions, mentions,
 * notifications, digest — goes through this condition.
 */
export function visiblePostsWhere(viewer: Viewer, now: Date): SQL {
  return sql`(${posts.deletedAt} is null
    and (${posts.hiddenAt} is null or ${posts.authorId} = ${viewer.id})
    and ${visibleItemsWhere(
      viewer,
      { classification: posts.classification, audience: posts.audience, ownerId: posts.authorId },
      now,
    )})`;
}

/** The same, for lists that must not show even the author's own hidden posts (feed, digest). */
export function listedPostsWhere(viewer: Viewer, now: Date): SQL {
  return sql`(${posts.hiddenAt} is null and ${visiblePostsWhere(viewer, now)})`;
}
