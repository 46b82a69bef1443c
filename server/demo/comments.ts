import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { REACTION_TYPES } from '#common/comments';
import type { Db } from '#server/db/client';
import { comments, posts, reactions, users } from '#server/db/schema/index';
import { renderMemberText } from '#server/lib/member-text';
import { DEMO_LAUNCH_POST_ID } from './posts';

/** The same id for the same demo row on every seed: a re-run adds nothing. */
function demoId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-comments:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Comments and replies in both languages (a reply answers the comment before it). */
const THREAD: { body: string; replyTo?: number }[] = [
  { body: 'おめでとうございます！在籍中に企画段階の話を聞いていたので感慨深いです。' },
  { body: 'ありがとうございます！ぜひ使ってみた感想を聞かせてください。', replyTo: 0 },
  { body: 'Congratulations! Shared it with my team at my new company.' },
  { body: 'Thank you — that is exactly how launches travel. 🙌', replyTo: 2 },
  { body: '料金プランの詳細はどこで確認できますか？' },
];

/**
 * Demo data for comments and reactions, written after the members and the posts demo: a short
 * bilingual thread and reactions from a handful of members on the posts demo's launch (the one
 * with the share kit) and on the three latest other posts any member may see. The posts' counts
 * are recomputed from the rows at the end.
 */
export async function seedDemoComments(db: Db): Promise<void> {
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'hr@kizuna.example'));
  if (!hr) return;
  const people = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['alumni', 'employee']), eq(users.status, 'active'), ne(users.id, hr.id)))
    .orderBy(asc(users.email))
    .limit(8);
  if (people.length < 3) return;
  const now = Date.now();

  // The posts demo's launch (with its share kit), when it was seeded.
  const launch = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, DEMO_LAUNCH_POST_ID), isNull(posts.deletedAt)));

  // The launch and the three latest other posts any member may see.
  const others = await db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        ne(posts.id, DEMO_LAUNCH_POST_ID),
        isNull(posts.deletedAt),
        isNull(posts.hiddenAt),
        eq(posts.classification, 'network'),
        sql`${posts.audience} = '{}'::jsonb`,
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(3);
  const targets = [...launch.map((p) => p.id), ...others.map((p) => p.id)];
  if (targets.length === 0) return;

  for (const [p, postId] of targets.entries()) {
    const ids: string[] = [];
    for (const [i, entry] of THREAD.entries()) {
      const id = demoId(`${postId}:${i}`);
      ids.push(id);
      const author = entry.replyTo !== undefined ? hr.id : (people[(i + p) % people.length]?.id ?? hr.id);
      await db
        .insert(comments)
        .values({
          id,
          postId,
          parentId: entry.replyTo !== undefined ? (ids[entry.replyTo] ?? null) : null,
          authorId: author,
          bodyMarkdown: entry.body,
          bodyHtml: renderMemberText(entry.body, new Map()),
          createdAt: new Date(now - 86_400_000 + i * 3_600_000),
        })
        .onConflictDoNothing();
    }
    const rows = people.slice(0, 6).flatMap((person, i) =>
      REACTION_TYPES.filter((_, r) => (r + i + p) % 3 === 0).map((reaction) => ({
        postId,
        userId: person.id,
        reaction,
        createdAt: new Date(now - 3_600_000),
      })),
    );
    if (rows.length > 0) await db.insert(reactions).values(rows).onConflictDoNothing();
  }

  // The counts the writes keep, recomputed once from the rows.
  await db.execute(sql`update posts p set
      comment_count = (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null),
      reaction_counts = coalesce((select jsonb_object_agg(reaction, n) from
        (select reaction, count(*)::int n from reactions r where r.post_id = p.id group by reaction) x), '{}'::jsonb)
    where p.id in (${sql.join(
      targets.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}
