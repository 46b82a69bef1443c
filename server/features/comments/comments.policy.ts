import { and, eq, type SQL, sql } from 'drizzle-orm';
import { comments, posts } from '#server/db/schema';
import { listedPostsWhere, visiblePostsWhere } from '#server/features/posts/posts.policy';
import type { Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with comments and reactions (issue 11). Every path decides the post's
 * visibility with the posts policy only, inside the query:
 * - reading comments and reactions: `visiblePostsWhere` (the author still reads under their own
 *   hidden post);
 * - writing (comment, reply, react): `listedPostsWhere` — a hidden or deleted post takes nothing
 *   new, for anyone (404).
 * Editing or deleting a comment is its author's alone (anyone else: 404).
 */
export const readablePostWhere = (viewer: Viewer, postId: string, now: Date): SQL =>
  and(eq(posts.id, postId), visiblePostsWhere(viewer, now)) as SQL;

export const writablePostWhere = (viewer: Viewer, postId: string, now: Date): SQL =>
  and(eq(posts.id, postId), listedPostsWhere(viewer, now)) as SQL;

/** A comment the viewer sees as written: not deleted, and not hidden unless it is their own. */
export const shownCommentWhere = (viewer: Viewer, table: typeof comments = comments): SQL =>
  sql`(${table.deletedAt} is null and (${table.hiddenAt} is null or ${table.authorId} = ${viewer.id}))`;
