import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listedMember, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    email: 'alumni@kizuna.example',
    nav: '人脈',
    title: '会いたい人を見つける',
    know: '知り合いかも',
    diagonal: 'ナナメのつながり',
    hide: /^今はいい/,
    diagonalReason: /年(先|後)に入社/,
    knowReason: /ともに|同期|共通のつながり/,
  },
  en: {
    email: 'employee@kizuna.example',
    nav: 'People',
    title: 'People to meet',
    know: 'People you may know',
    diagonal: 'Diagonal (ナナメ)',
    hide: /^Not now/,
    diagonalReason: /^Joined \d+ years (before|after) you/,
    knowReason: /both in|joined the same year|mutual connection/i,
  },
} as const;

const CONNECT = {
  ja: {
    title: '会いたい人を見つける',
    reason: /16年先に入社/,
    connect: 'つながる',
    requested: '申請しました',
    accept: '承認する',
    connected: 'つながっています',
  },
  en: {
    title: 'People to meet',
    reason: /^Joined 16 years before you/,
    connect: 'Connect',
    requested: 'Request sent',
    accept: 'Accept',
    connected: 'Connected',
  },
} as const;

describe('people to meet', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`reads both lists with their reasons and hides one (${locale})`, async () => {
      const l = LABELS[locale];
      const page = await newPage(browser, locale);
      await signInAs(page, l.email, locale);
      // The header's one "People" entry (its name may carry the requests badge) leads here.
      await page
        .getByRole('banner')
        .getByRole('link', { name: new RegExp(`^${l.nav}`) })
        .click();
      await page.waitForURL(/\/people$/);
      await page.locator('main h1', { hasText: l.title }).waitFor();
      expect(await page.locator('main h1').count()).toBe(1);

      // People you may know: reasons from the shared department, intake or connections.
      const cards = page.getByTestId('suggestion');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      expect(await page.getByTestId('reason').first().textContent()).toMatch(l.knowReason);
      await screenshot(page, `people-to-meet-know-${locale}`);

      // Diagonal: another generation, yet something shared.
      await page.getByRole('button', { name: l.diagonal }).click();
      await page.waitForURL(/list=diagonal/);
      await page.locator('[data-list="diagonal"]').first().waitFor();
      const reasons = await page.getByTestId('reason').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      for (const r of reasons) expect(r).toMatch(l.diagonalReason);
      await screenshot(page, `people-to-meet-diagonal-${locale}`);

      // "Not now": the card leaves, and stays gone after a reload.
      const first = page.locator('[data-list="diagonal"]').first();
      const name = (await first.getByRole('heading').textContent()) ?? '';
      await first.getByRole('button', { name: l.hide }).click();
      await expect
        .poll(() => page.locator('[data-list="diagonal"] h2').allTextContents())
        .not.toContain(name);
      await page.reload();
      await page.locator('[data-list="diagonal"]').first().waitFor();
      expect(await page.locator('[data-list="diagonal"] h2').allTextContents()).not.toContain(name);
      await page.context().close();
    });
  }

  for (const locale of ['ja', 'en'] as const) {
    it(`an alumnus connects with a diagonal suggestion, who accepts (${locale})`, async () => {
      const l = CONNECT[locale];
      const tag = `${locale}${Date.now().toString(36)}`;
      const skill = `Quantum ${tag}`;
      const junior = await listedMember(browser, locale, {
        familyName: '早川',
        givenName: `遥${tag}`,
        tag: `diag-a-${locale}`,
      });
      const senior = await listedMember(browser, locale, {
        familyName: '森本',
        givenName: `誠${tag}`,
        tag: `diag-b-${locale}`,
      });
      // HR records their years and departments; they share one rare skill across 16 years.
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      const saved = await hr.evaluate(
        async ({ junior, senior, skill }) => {
          const patch = (id: string, body: unknown) =>
            fetch(`/api/members/${id}`, {
              method: 'PATCH',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }).then((r) => r.status);
          return [
            await patch(junior, {
              joinedOn: '2021-04-01',
              leftOn: '2025-03-31',
              departments: ['Engineering'],
              skills: [skill],
            }),
            await patch(senior, {
              joinedOn: '2005-04-01',
              leftOn: '2016-03-31',
              departments: ['Sales'],
              industry: 'healthcare',
              skills: [skill],
            }),
          ];
        },
        { junior: junior.id, senior: senior.id, skill },
      );
      expect(saved).toEqual([200, 200]);
      await hr.context().close();

      // The junior reads why, and connects from the card.
      await junior.page.goto('/people?list=diagonal');
      const card = junior.page.locator('[data-list="diagonal"]', { hasText: `森本 誠${tag}` });
      await card.waitFor();
      expect(await card.getByTestId('reason').textContent()).toMatch(l.reason);
      await screenshot(junior.page, `people-to-meet-connect-${locale}`);
      await card.getByRole('button', { name: new RegExp(l.connect) }).click();
      await card.getByRole('button', { name: l.requested }).waitFor();

      // The senior accepts under People → requests received; both are connected.
      await senior.page.goto('/people/connections?tab=in');
      await senior.page.getByText(`早川 遥${tag}`).waitFor();
      await senior.page.getByRole('button', { name: l.accept, exact: true }).click();
      await senior.page.goto('/people/connections');
      await senior.page.getByRole('link', { name: `早川 遥${tag}` }).waitFor();
      await junior.page.goto(`/members/${senior.id}`);
      await junior.page.getByText(l.connected, { exact: true }).waitFor();
      // Once connected, they are no longer suggested.
      await junior.page.goto('/people?list=diagonal');
      await junior.page.getByRole('heading', { level: 1, name: l.title }).waitFor();
      await expect
        .poll(() => junior.page.locator('[data-list="diagonal"]', { hasText: `森本 誠${tag}` }).count())
        .toBe(0);
      await junior.page.context().close();
      await senior.page.context().close();
    });
  }

  it('fits a phone (390×844)', async () => {
    const page = await newPage(browser, 'ja', { width: 390, height: 844 });
    await signInAs(page, 'alumni@kizuna.example', 'ja');
    await page.goto('/people?list=diagonal');
    await page.locator('[data-list="diagonal"]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'people-to-meet-mobile-ja');
    await page.context().close();
  });
});
