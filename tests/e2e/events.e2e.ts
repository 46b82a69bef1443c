import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    nav: 'イベント',
    create: 'イベントを作成',
    titleJa: 'タイトル（日本語）',
    startsAt: '開始',
    endsAt: '終了',
    capacity: '定員（同伴者を含む）',
    series: 'シリーズ',
    seriesName: '未来塾',
    seriesNumber: 'シリーズの回数',
    repeat: '繰り返し',
    monthly: '毎月',
    repeatCount: '開催回数（合計）',
    publish: '公開する',
    register: '参加を申し込む',
    joinWaitlist: 'キャンセル待ちに登録する',
    confirmed: /参加が確定しています/,
    waitlisted: /キャンセル待ちの1番目です/,
    release: '席を譲る',
    offered: /あなたの席を確保しています/,
    claim: '参加を確定する',
    meetup: 'ナナメのつながり交流会',
  },
  en: {
    nav: 'Events',
    create: 'New event',
    titleJa: 'Title (Japanese)',
    startsAt: 'Starts',
    endsAt: 'Ends',
    capacity: 'Seats (guests included)',
    series: 'Series',
    seriesName: 'Mirai Juku',
    seriesNumber: 'Number in the series',
    repeat: 'Repeat',
    monthly: 'Every month',
    repeatCount: 'How many dates in all',
    publish: 'Publish',
    register: 'Register',
    joinWaitlist: 'Join the waitlist',
    confirmed: /You are attending/,
    waitlisted: /You are number 1 on the waitlist/,
    release: 'Release my seat',
    offered: /A seat is held for you until/,
    claim: 'Claim the seat',
    meetup: 'Diagonal connections meetup',
  },
} as const;

/** `YYYY-MM-DDTHH:mm` some days ahead (the form reads it in Asia/Tokyo). */
const localIn = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

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

describe('events', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`HR creates a lecture in a series and a group meetup; members register until full; a release promotes the waitlist (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `E${locale.toUpperCase()}${Date.now().toString(36)}`;
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);

      // HR opens the calendar from the header and creates a one-seat lecture in 未来塾.
      await hr.getByRole('banner').getByRole('link', { name: l.nav, exact: true }).click();
      await hr.waitForURL(/\/events$/);
      await hr.getByRole('link', { name: l.create }).click();
      await hr.waitForURL(/\/events\/new$/);
      await hr.getByLabel(l.titleJa).fill(`未来塾 特別回 ${tag}`);
      await hr.getByLabel(l.startsAt, { exact: true }).fill(localIn(30, 19));
      await hr.getByLabel(l.endsAt, { exact: true }).fill(localIn(30, 21));
      await hr.getByLabel(l.capacity).fill('1');
      await hr.getByLabel(l.series, { exact: true }).selectOption({ label: l.seriesName });
      await hr.getByLabel(l.seriesNumber).fill('99');
      await hr.getByRole('button', { name: l.publish, exact: true }).click();
      await hr.waitForURL(/\/events\/[0-9a-f-]{36}$/);
      const eventUrl = new URL(hr.url()).pathname;
      await expect.poll(() => hr.getByTestId('event-time').textContent()).toContain('Asia/Tokyo');

      // A meetup for the Tokyo chapter (through the same API the form uses).
      const groups = await hr.evaluate(
        async () => (await (await fetch('/api/groups?q=Tokyo')).json()) as { items: { id: string }[] },
      );
      const groupId = groups.items[0]?.id;
      expect(groupId).toBeTruthy();
      const start = new Date(Date.now() + 31 * 86_400_000);
      const meetup = await post(hr, '/api/events', {
        kind: 'meetup',
        format: 'in_person',
        titleJa: `${l.meetup} ${tag}`,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        timeZone: 'Asia/Tokyo',
        venueName: '丸の内',
        capacity: 20,
        audience: { preset: 'group', groupId },
        status: 'published',
      });
      expect(meetup.status).toBe(201);

      // The alumna takes the only seat; the employee joins the waitlist.
      const alumna = await newPage(browser, locale);
      await signInAs(alumna, 'alumni@kizuna.example', locale);
      await alumna.goto(eventUrl);
      await alumna.getByRole('button', { name: l.register }).click();
      await expect.poll(() => alumna.getByTestId('my-registration').textContent()).toMatch(l.confirmed);

      const employee = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(employee, 'employee@kizuna.example', locale);
      await employee.goto(eventUrl);
      await employee.getByRole('button', { name: l.joinWaitlist }).click();
      await expect.poll(() => employee.getByTestId('my-registration').textContent()).toMatch(l.waitlisted);

      // She releases her seat: it is offered to him; he claims it.
      await alumna.getByRole('button', { name: l.release }).click();
      await expect.poll(() => alumna.getByTestId('my-registration').count()).toBe(0);
      await employee.reload();
      await expect.poll(() => employee.getByTestId('my-registration').textContent()).toMatch(l.offered);
      await screenshot(employee, `events-offered-${locale}-390`);
      await employee.getByRole('button', { name: l.claim }).click();
      await expect.poll(() => employee.getByTestId('my-registration').textContent()).toMatch(l.confirmed);
      await screenshot(employee, `events-confirmed-${locale}-390`);

      await Promise.all([hr, alumna, employee].map((p) => p.context().close()));
    }, 120_000);

    it(`HR creates three monthly dates of a series at once on a phone; the series page lists them (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `R${locale.toUpperCase()}${Date.now().toString(36)}`;
      const hr = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.goto('/events/new');
      await hr.getByLabel(l.titleJa).fill(`ナナメ交流会 ${tag}`);
      await hr.getByLabel(l.startsAt, { exact: true }).fill(localIn(40, 19));
      await hr.getByLabel(l.endsAt, { exact: true }).fill(localIn(40, 21));
      await hr.getByLabel(l.series, { exact: true }).selectOption({ label: l.seriesName });
      await hr.getByLabel(l.seriesNumber).fill('50');
      await hr.getByLabel(l.repeat, { exact: true }).selectOption({ label: l.monthly });
      await hr.getByLabel(l.repeatCount).fill('3');
      await screenshot(hr, `events-repeat-form-${locale}-390`);
      await hr.getByRole('button', { name: l.publish, exact: true }).click();
      await hr.waitForURL(/\/events\/series\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => hr.getByRole('link', { name: new RegExp(tag) }).count(), { timeout: 10_000 })
        .toBe(3);
      await screenshot(hr, `events-repeat-series-${locale}-390`);
    }, 60_000);
  }
});
