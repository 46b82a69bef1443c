import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommentPage } from '#common/comments';
import { comments, posts } from '#server/db/schema/index';
import { createTestPost } from '#tests/factories/comments';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoComments } from './comments';
import { DEMO_LAUNCH_POST_ID, seedDemoPosts } from './posts';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('puts threads and reactions on the posts demo launch and the latest posts, twice without change', async () => {
  await seedDemoComments(t.db); // no HR login yet: nothing, no error
  const hr = await createTestMember(t, { email: 'hr@kizuna.example', role: 'alumni_manager' });
  for (let i = 0; i < 4; i++) await createTestMember(t, { role: 'alumni' });
  await seedDemoComments(t.db); // no posts yet: nothing, no error
  await seedDemoPosts(t.db);
  const existing = await createTestPost(t, { authorId: hr.id, createdAt: new Date() });
  await seedDemoComments(t.db);
  await seedDemoComments(t.db);
  const launches = await t.db.select().from(posts).where(eq(posts.kind, 'product_launch'));
  expect(launches.map((p) => p.id)).toEqual([DEMO_LAUNCH_POST_ID]);
  expect(launches[0]?.shareUrl).toMatch(/^https:/);
  for (const id of [DEMO_LAUNCH_POST_ID, existing.id]) {
    const [post] = await t.db.select().from(posts).where(eq(posts.id, id));
    const rows = await t.db.select().from(comments).where(eq(comments.postId, id));
    expect(rows).toHaveLength(5);
    expect(post?.commentCount).toBe(5);
    expect(Object.values(post?.reactionCounts ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }
  const viewer = await signedIn(t, { role: 'alumni' });
  const res = await t.request(`/api/posts/${DEMO_LAUNCH_POST_ID}/comments`, { cookie: viewer.cookie });
  const page = (await res.json()) as CommentPage;
  expect(page.items).toHaveLength(3);
  expect(page.items[0]?.replies).toHaveLength(1);
});
