import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommentPage } from '#common/comments';
import { comments, posts } from '#server/db/schema/index';
import { createTestPost } from '#tests/factories/comments';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEMO_LAUNCH_POST_ID, seedDemoComments } from './comments';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('seeds a launch with a share kit, threads and reactions on the demo posts, twice without change', async () => {
  await seedDemoComments(t.db); // no HR login yet: nothing, no error
  const hr = await createTestMember(t, { email: 'hr@kizuna.example', role: 'alumni_manager' });
  for (let i = 0; i < 4; i++) await createTestMember(t, { role: 'alumni' });
  const existing = await createTestPost(t, { authorId: hr.id });
  await seedDemoComments(t.db);
  await seedDemoComments(t.db);
  const [launch] = await t.db.select().from(posts).where(eq(posts.id, DEMO_LAUNCH_POST_ID));
  expect(launch?.shareUrl).toMatch(/^https:/);
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
