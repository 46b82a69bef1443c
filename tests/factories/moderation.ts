import { randomUUID } from 'node:crypto';
import type { Audience, Classification } from '#common/access';
import { comments, postRevisions, posts } from '#server/db/schema/index';
import { renderMemberText } from '#server/lib/member-text';
import type { TestApp } from '#tests/setup';

/**
 * Posts and comments written straight through the schema (the posts and comments features are
 * built beside moderation): Markdown rendered with the same renderer the features use.
 */
export async function createTestPost(
  t: Pick<TestApp, 'db'>,
  options: {
    authorId: string;
    body?: string;
    title?: string | null;
    classification?: Classification;
    audience?: Audience;
    kind?: (typeof posts.$inferInsert)['kind'];
    hiddenAt?: Date | null;
    deletedAt?: Date | null;
    revisions?: { title?: string | null; body: string; at: Date }[];
    createdAt?: Date;
  },
) {
  const id = randomUUID();
  const body = options.body ?? 'A post about the alumni network.';
  const [row] = await t.db
    .insert(posts)
    .values({
      id,
      authorId: options.authorId,
      kind: options.kind ?? 'insight',
      classification: options.classification ?? 'network',
      audience: options.audience ?? {},
      title: options.title ?? null,
      bodyMarkdown: body,
      bodyHtml: renderMemberText(body, new Map()),
      hiddenAt: options.hiddenAt ?? null,
      hiddenReason: options.hiddenAt ? 'hidden in a test' : null,
      deletedAt: options.deletedAt ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  for (const rev of options.revisions ?? []) {
    await t.db.insert(postRevisions).values({
      id: randomUUID(),
      postId: id,
      title: rev.title ?? null,
      bodyMarkdown: rev.body,
      editedBy: options.authorId,
      createdAt: rev.at,
    });
  }
  if (!row) throw new Error('post not created');
  return row;
}

export async function createTestComment(
  t: Pick<TestApp, 'db'>,
  options: {
    postId: string;
    authorId: string;
    body?: string;
    hiddenAt?: Date | null;
    deletedAt?: Date | null;
  },
) {
  const body = options.body ?? 'A comment.';
  const [row] = await t.db
    .insert(comments)
    .values({
      id: randomUUID(),
      postId: options.postId,
      authorId: options.authorId,
      bodyMarkdown: body,
      bodyHtml: renderMemberText(body, new Map()),
      hiddenAt: options.hiddenAt ?? null,
      hiddenReason: options.hiddenAt ? 'hidden in a test' : null,
      deletedAt: options.deletedAt ?? null,
    })
    .returning();
  if (!row) throw new Error('comment not created');
  return row;
}
