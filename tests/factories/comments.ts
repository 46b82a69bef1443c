import { randomUUID } from 'node:crypto';
import type { Audience, Classification } from '#common/access';
import { groupMembers, groups, posts } from '#server/db/schema';
import { renderMemberText } from '#server/lib/member-text';
import type { TestApp } from '#tests/setup';

/**
 * A post row written straight through the schema (the posts feature's service is built beside
 * this one): network for everyone by default.
 */
export async function createTestPost(
  t: Pick<TestApp, 'db'>,
  options: {
    authorId: string;
    classification?: Classification;
    audience?: Audience;
    groupId?: string | null;
    title?: string | null;
    bodyMarkdown?: string;
    isCompany?: boolean;
    hidden?: boolean;
    deleted?: boolean;
    share?: { ja?: string | null; en?: string | null; url: string } | null;
    createdAt?: Date;
  },
) {
  const id = randomUUID();
  const body = options.bodyMarkdown ?? '新しいプロダクトをリリースしました。 #launch';
  const now = options.createdAt ?? new Date('2026-11-20T00:00:00Z');
  const [row] = await t.db
    .insert(posts)
    .values({
      id,
      authorId: options.authorId,
      kind: options.isCompany ? 'product_launch' : 'insight',
      isCompany: options.isCompany ?? false,
      groupId: options.groupId ?? null,
      classification: options.classification ?? 'network',
      audience: options.audience ?? (options.groupId ? { groupIds: [options.groupId] } : {}),
      title: options.title === undefined ? 'テスト投稿' : options.title,
      bodyMarkdown: body,
      bodyHtml: renderMemberText(body, new Map()),
      shareTextJa: options.share?.ja ?? null,
      shareTextEn: options.share?.en ?? null,
      shareUrl: options.share?.url ?? null,
      hiddenAt: options.hidden ? now : null,
      hiddenReason: options.hidden ? 'Off topic' : null,
      deletedAt: options.deleted ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('post not inserted');
  return row;
}

/** An open interest group with these active members. */
export async function createTestGroup(t: Pick<TestApp, 'db'>, memberIds: string[]) {
  const id = randomUUID();
  await t.db.insert(groups).values({ id, kind: 'interest', nameJa: 'テストグループ', nameEn: 'Test group' });
  if (memberIds.length > 0) {
    await t.db
      .insert(groupMembers)
      .values(
        memberIds.map((userId) => ({ groupId: id, userId, state: 'active' as const, joinedAt: new Date() })),
      );
  }
  return id;
}
