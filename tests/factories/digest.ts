import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { groupMembers, groups, notifications, posts, users } from '#server/db/schema/index';
import { markdownToText } from '#server/lib/markdown';
import { renderMemberText } from '#server/lib/member-text';
import type { TestApp } from '#tests/setup';

export type TestPost = typeof posts.$inferInsert;

/**
 * A post inserted directly (the posts feature is built in parallel): network-wide member insight
 * unless overridden, its HTML rendered as the posts feature renders member text.
 */
export async function insertTestPost(
  t: Pick<TestApp, 'db'>,
  overrides: Partial<TestPost> & { authorId: string },
) {
  const bodyMarkdown = overrides.bodyMarkdown ?? 'What I learned after leaving: #careers';
  const [row] = await t.db
    .insert(posts)
    .values({
      id: randomUUID(),
      kind: 'insight',
      classification: 'network',
      audience: {},
      title: 'An insight',
      bodyHtml: renderMemberText(bodyMarkdown, new Map()),
      searchText: markdownToText(bodyMarkdown).toLowerCase(),
      ...overrides,
      bodyMarkdown,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** A group with these active members. */
export async function insertTestGroup(t: Pick<TestApp, 'db'>, memberIds: string[]) {
  const [group] = await t.db
    .insert(groups)
    .values({ id: randomUUID(), kind: 'interest', nameEn: 'Test group', nameJa: 'テストグループ' })
    .returning();
  if (!group) throw new Error('insert failed');
  for (const userId of memberIds) {
    await t.db
      .insert(groupMembers)
      .values({ groupId: group.id, userId, state: 'active', joinedAt: new Date() });
  }
  return group;
}

/** A notification row waiting for the digest (as notify() writes one with channel 'digest'). */
export async function insertDigestNotification(
  t: Pick<TestApp, 'db'>,
  values: {
    userId: string;
    actorId?: string | null;
    type?: string;
    threadKey?: string;
    link?: string;
    data?: Record<string, string>;
  },
) {
  const [row] = await t.db
    .insert(notifications)
    .values({
      id: randomUUID(),
      type: 'post_comment',
      threadKey: `post:${randomUUID()}`,
      link: '/notifications',
      data: {},
      channel: 'digest',
      ...values,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Marks a member seen at `when` (what the activity tracker does on a request). */
export const seenAt = (t: Pick<TestApp, 'db'>, userId: string, when: Date) =>
  t.db.update(users).set({ lastActiveAt: when }).where(eq(users.id, userId));
