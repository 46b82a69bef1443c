import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reports } from '#server/db/schema/index';
import { createTestMember } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoComments } from './comments';
import { seedDemoModeration } from './moderation';
import { seedDemoPosts } from './posts';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('after the posts and comments demo, the queue holds a reported post and two reported comments', async () => {
  await createTestMember(t, { email: 'hr@kizuna.example', role: 'alumni_manager' });
  await createTestMember(t, { email: 'alumni@kizuna.example', role: 'alumni' });
  await createTestMember(t, { email: 'employee@kizuna.example', role: 'employee' });
  for (let i = 0; i < 4; i++) await createTestMember(t, { role: 'alumni' });
  await seedDemoPosts(t.db);
  await seedDemoComments(t.db);
  expect(await seedDemoModeration(t.db)).toEqual({ reports: 4 });
  expect(await seedDemoModeration(t.db)).toEqual({ reports: 0 });

  const open = await t.db.select().from(reports).where(eq(reports.status, 'open'));
  const onComments = open.filter((r) => r.commentId !== null);
  expect(new Set(onComments.map((r) => r.commentId)).size).toBe(2);
  expect(open.filter((r) => r.commentId === null)).toHaveLength(2);
});
