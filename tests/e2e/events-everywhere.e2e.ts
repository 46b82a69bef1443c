import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

/** The pages read several endpoints at once on a busy two-core runner. */
const WAIT = { timeout: 15_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    homeEvents: 'あなたへのおすすめイベント',
    allEvents: 'すべてのイベント',
    isNew: '新着',
    groupEvents: '今後のイベント',
    createForGroup: 'このグループのイベントを作成',
    groupField: 'グループ',
    statsTab: 'イベント参加状況',
    perEvent: 'イベントごと',
    perSeries: 'シリーズごと',
    noShowRate: '無断欠席率',
    meetup: 'ナナメのつながり交流会 東京',
  },
  en: {
    homeEvents: 'Upcoming events for you',
    allEvents: 'All events',
    isNew: 'New',
    groupEvents: 'Upcoming events',
    createForGroup: 'Create an event for this group',
    groupField: 'Group',
    statsTab: 'Event attendance',
    perEvent: 'Per event',
    perSeries: 'Per series',
    noShowRate: 'No-show rate',
    meetup: 'Diagonal connections meetup, Tokyo',
  },
} as const;

async function post(page: Page, path: string, body: unknown) {
  return page.evaluate(
    async ({ p, b }) => {
      const res = await fetch(p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    { p: path, b: body },
  );
}

describe('events everywhere (issue 13 §6)', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`home and the feed show upcoming events; a group's page its events; HR its attendance figures (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `EV${locale.toUpperCase()}${Date.now().toString(36)}`;
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);

      // HR publishes an event for everyone, starting within the hour (the soonest one), and an
      // employees-only one an alumna must never see.
      const start = new Date(Date.now() + 45 * 60_000);
      const at = (offsetMs: number) => new Date(start.getTime() + offsetMs).toISOString();
      const base = {
        kind: 'meetup',
        format: 'online',
        onlineUrl: 'https://meet.example.com/e',
        capacity: 20,
      };
      const open = await post(hr, '/api/events', {
        ...base,
        titleJa: `みんなの朝会 ${tag}`,
        titleEn: `Morning call for all ${tag}`,
        startsAt: at(0),
        endsAt: at(3_600_000),
        timeZone: 'Asia/Tokyo',
        status: 'published',
      });
      expect(open.status).toBe(201);
      const internal = await post(hr, '/api/events', {
        ...base,
        titleJa: `社員だけの会 ${tag}`,
        titleEn: `Employees only ${tag}`,
        startsAt: at(60_000),
        endsAt: at(3_600_000),
        timeZone: 'Asia/Tokyo',
        audience: { preset: 'employees' },
        status: 'published',
      });
      expect(internal.status).toBe(201);

      // The alumna, on a phone: her home shows the block with her next event and the new one.
      const alumna = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(alumna, 'alumni@kizuna.example', locale);
      await alumna.goto('/');
      const block = alumna.getByRole('region', { name: l.homeEvents });
      await expect.poll(() => block.getByTestId('home-upcoming-events').textContent(), WAIT).toContain(tag);
      // (the other language's run may have added a sooner one: find ours by its tag)
      const first = block
        .getByTestId('home-upcoming-events')
        .getByTestId('compact-event')
        .filter({ hasText: tag });
      expect(await first.textContent()).toContain(
        locale === 'ja' ? `みんなの朝会 ${tag}` : `Morning call for all ${tag}`,
      );
      expect(await first.textContent()).toContain(l.isNew);
      expect(await block.textContent()).not.toContain(
        `${locale === 'ja' ? '社員だけの会' : 'Employees only'} ${tag}`,
      );
      expect(await block.getByTestId('my-next-event').getByRole('link').count()).toBe(1);
      expect(await block.getByRole('link', { name: l.allEvents }).getAttribute('href')).toBe('/events');
      await screenshot(alumna, `events-everywhere-home-${locale}-390`);
      await first.getByRole('link').click();
      await alumna.waitForURL(new RegExp(`/events/${open.body.id}$`));

      // The feed's own page has the same block on top.
      await alumna.goto('/feed');
      await expect
        .poll(() => alumna.getByRole('region', { name: l.homeEvents }).textContent(), WAIT)
        .toContain(tag);

      // The Tokyo chapter's page lists its meetup; only HR is offered to create one for the group.
      const groups = await hr.evaluate(
        async () => (await (await fetch('/api/groups?q=Tokyo')).json()) as { items: { id: string }[] },
      );
      const groupId = groups.items[0]?.id as string;
      expect(groupId).toBeTruthy();
      await alumna.goto(`/groups/${groupId}`);
      const alumnaGroup = alumna.getByRole('region', { name: l.groupEvents });
      await expect
        .poll(() => alumnaGroup.getByTestId('group-upcoming-events').textContent(), WAIT)
        .toContain(l.meetup);
      expect(await alumnaGroup.getByRole('link', { name: l.createForGroup }).count()).toBe(0);
      await screenshot(alumna, `events-everywhere-group-${locale}-390`);

      await hr.goto(`/groups/${groupId}`);
      const hrGroup = hr.getByRole('region', { name: l.groupEvents });
      await expect
        .poll(() => hrGroup.getByTestId('group-upcoming-events').textContent(), WAIT)
        .toContain(l.meetup);
      await screenshot(hr, `events-everywhere-group-${locale}`);
      await hrGroup.getByRole('link', { name: l.createForGroup }).click();
      await hr.waitForURL(new RegExp(`/events/new\\?group=${groupId}$`));
      await expect.poll(() => hr.getByLabel(l.groupField, { exact: true }).inputValue(), WAIT).toBe(groupId);

      // HR's attendance figures, from the admin navigation.
      await hr.goto('/');
      await openAdmin(hr, l.statsTab);
      await hr.waitForURL(/\/admin\/events\/stats$/);
      await expect.poll(() => hr.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(l.statsTab);
      await expect.poll(() => hr.getByTestId('stats-events-table').textContent(), WAIT).toContain(tag);
      expect(await hr.getByRole('region', { name: l.perSeries }).count()).toBe(1);
      expect(
        await hr
          .getByRole('region', { name: l.perEvent })
          .getByRole('columnheader', { name: l.noShowRate })
          .count(),
      ).toBe(1);
      await screenshot(hr, `events-everywhere-stats-${locale}`);

      await Promise.all([hr, alumna].map((p) => p.context().close()));
    }, 120_000);
  }
});
