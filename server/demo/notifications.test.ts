import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '#common/notifications';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEMO_LOGINS } from './logins';
import { seedDemoNotifications } from './notifications';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seedDemoNotifications', () => {
  it('gives each demo login a few notifications of different types, comments grouped; a re-run adds nothing', async () => {
    const logins = [];
    // Three of the demo logins (by e-mail, as the seed orders them) and a generated employee on the
    // company's domain, who is not a demo login and gets nothing.
    for (const email of DEMO_LOGINS.map((l) => l.email)
      .sort()
      .slice(0, 3)) {
      logins.push(await signedIn(t, { role: 'employee', email }));
    }
    const generated = await signedIn(t, { role: 'employee', email: 'taro.sato.1234@kizuna.example' });
    const written = await seedDemoNotifications(t.db, new Date('2026-11-24T03:00:00Z'));
    expect(written).toBe(3 * 5);
    expect(await seedDemoNotifications(t.db, new Date('2026-11-24T04:00:00Z'))).toBe(0);
    const res = await t.request('/api/notifications', { cookie: logins[0]?.cookie });
    const list = (await res.json()) as NotificationList;
    expect(list.items.map((g) => [g.type, g.count])).toEqual([
      ['post_comment', 2],
      ['mention', 1],
      ['reaction', 1],
      ['group_invite', 1],
    ]);
    expect(list.items[0]?.actors).toHaveLength(2);
    const count = await t.request('/api/notifications/unread-count', { cookie: logins[0]?.cookie });
    expect(await count.json()).toEqual({ count: 5 });
    const none = await t.request('/api/notifications/unread-count', { cookie: generated.cookie });
    expect(await none.json()).toEqual({ count: 0 });
  });
});
