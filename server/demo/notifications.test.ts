import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '#common/notifications';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
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
    for (const name of ['a', 'b', 'c']) {
      logins.push(await signedIn(t, { role: 'employee', email: `${name}-demo@kizuna.example` }));
    }
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
  });
});
