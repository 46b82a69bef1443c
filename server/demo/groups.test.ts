import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupForYouList, GroupList } from '#common/groups';
import { groups } from '#server/db/schema/index';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { demoGroupId, seedDemoGroups } from './groups';
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

describe('seedDemoGroups', () => {
  it('chapters, departments, intakes and interests; the alumna sees hers, not the internal team', async () => {
    await demoLogin('hr@kizuna.example');
    const alumna = await demoLogin('alumni@kizuna.example');
    await demoLogin('employee@kizuna.example');
    for (let i = 0; i < 6; i++) {
      await createTestMember(t, {
        role: 'alumni',
        profile: { country: 'JP', location: '東京', departments: ['営業部'] },
      });
    }
    await seedDemoGroups(t.db, { now: t.clock.now() });
    await seedDemoGroups(t.db, { now: t.clock.now() }); // a re-run adds nothing
    const rows = await t.db.select().from(groups);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const tokyo = rows.find((g) => g.id === demoGroupId('tokyo'));
    expect(tokyo?.memberCount).toBeGreaterThanOrEqual(7);

    const list = (await (
      await t.request('/api/groups?pageSize=50', { cookie: alumna.cookie })
    ).json()) as GroupList;
    const names = list.items.map((g) => g.nameEn);
    expect(names).toContain('Tokyo chapter');
    expect(names).not.toContain('[Internal] Alumni relations working team');
    const mine = (await (
      await t.request('/api/groups?mine=true', { cookie: alumna.cookie })
    ).json()) as GroupList;
    expect(mine.items.map((g) => g.nameEn).sort()).toEqual([
      'Corporate Planning alumni',
      'Running club',
      'Tokyo chapter',
    ]);
    const forYou = (await (
      await t.request('/api/groups/for-you?limit=20', { cookie: alumna.cookie })
    ).json()) as GroupForYouList;
    const suggested = forYou.items.map((i) => i.group.nameEn);
    expect(suggested).toEqual(
      expect.arrayContaining([
        'Consulting alumni',
        'Class of 2010',
        'Data analysis & AI circle',
        'Osaka chapter',
      ]),
    );
    expect(suggested).not.toContain('Tokyo chapter');
  });
});
