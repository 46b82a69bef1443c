import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostPage } from '#common/posts';
import { posts } from '#server/db/schema/index';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestGroup } from '#tests/factories/posts';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { demoPostId, seedDemoPosts } from './posts';
import { DEMO_LOGINS } from './seed';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function demoLogin(email: string) {
  const login = DEMO_LOGINS.find((l) => l.email === email);
  if (!login) throw new Error(email);
  const member = await createTestMember(t, {
    email,
    role: login.role,
    names: login.names,
    profile: login.profile,
  });
  return { member, cookie: await signIn(t, email) };
}

describe('seedDemoPosts', () => {
  it('a dozen posts; the internal one only for employees; the launch pinned on top; re-runs add nothing', async () => {
    await demoLogin('hr@kizuna.example');
    const alumna = await demoLogin('alumni@kizuna.example');
    const employee = await demoLogin('employee@kizuna.example');
    for (let i = 0; i < 3; i++) await createTestMember(t, { role: 'alumni' });
    await createTestGroup(t, { members: [alumna.member.id] });
    await seedDemoPosts(t.db);
    await seedDemoPosts(t.db);
    expect((await t.db.select().from(posts)).length).toBe(12);

    const feed = async (cookie: string) =>
      ((await (await t.request('/api/feed?limit=50', { cookie })).json()) as PostPage).items.map((p) => p.id);
    const alumnaFeed = await feed(alumna.cookie);
    expect(alumnaFeed[0]).toBe(demoPostId('launch'));
    expect(alumnaFeed).not.toContain(demoPostId('internal-reorg'));
    expect(alumnaFeed).toContain(demoPostId('group-insight'));
    expect(await feed(employee.cookie)).toContain(demoPostId('internal-reorg'));
    expect(await feed(employee.cookie)).not.toContain(demoPostId('alumni-only'));
  });
});
