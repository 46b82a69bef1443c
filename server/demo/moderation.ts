import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { comments, posts, reports, users } from '#server/db/schema/index';

/** The same id for the same demo report on every seed: a re-run adds nothing. */
function demoReportId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-report:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A few open reports on demo content, so HR's moderation queue has something to review: two
 * members report the newest member post (one of them as spam), and the two newest comments are
 * reported once each (the moderation journey hides one per language). Runs after the posts' and
 * comments' demo data; with no posts yet it does nothing.
 */
export async function seedDemoModeration(db: Db): Promise<{ reports: number }> {
  const [post] = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(
      and(
        eq(posts.isCompany, false),
        isNull(posts.hiddenAt),
        isNull(posts.deletedAt),
        eq(posts.classification, 'network'),
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(1);
  if (!post) return { reports: 0 };
  const reporters = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, ['alumni', 'employee']),
        ne(users.id, post.authorId),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(users.email)
    .limit(3);
  if (reporters.length === 0) return { reports: 0 };
  // The two newest comments: one per moderation journey language, so each can hide one.
  const reported = await db
    .select({ id: comments.id, postId: comments.postId, authorId: comments.authorId })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(
      and(
        isNull(comments.hiddenAt),
        isNull(comments.deletedAt),
        isNull(posts.hiddenAt),
        isNull(posts.deletedAt),
        eq(posts.classification, 'network'),
      ),
    )
    .orderBy(desc(comments.createdAt), comments.id)
    .limit(2);

  const rows: (typeof reports.$inferInsert)[] = [];
  const [first, second, third] = reporters;
  if (first) {
    rows.push({
      id: demoReportId(`post:${post.id}:${first.id}`),
      postId: post.id,
      reporterId: first.id,
      category: 'spam',
      note: '同じ宣伝リンクが何度も投稿されています。 / The same promotional link keeps being posted.',
    });
  }
  if (second) {
    rows.push({
      id: demoReportId(`post:${post.id}:${second.id}`),
      postId: post.id,
      reporterId: second.id,
      category: 'other',
      note: 'コミュニティの趣旨と関係がないように思います。 / This does not seem to fit the community.',
    });
  }
  for (const comment of reported) {
    const reporter = [third, first, second].find((r) => r && r.id !== comment.authorId);
    if (!reporter) continue;
    rows.push({
      id: demoReportId(`comment:${comment.id}:${reporter.id}`),
      postId: comment.postId,
      commentId: comment.id,
      reporterId: reporter.id,
      category: 'harassment',
      note: null,
    });
  }
  if (rows.length === 0) return { reports: 0 };
  const inserted = await db.insert(reports).values(rows).onConflictDoNothing().returning({ id: reports.id });
  return { reports: inserted.length };
}
