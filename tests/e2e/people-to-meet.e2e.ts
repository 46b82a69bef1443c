import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

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

describe('people to meet', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`reads both lists with their reasons and hides one (${locale})`, async () => {
      const l = LABELS[locale];
      const page = await newPage(browser, locale);
      await signInAs(page, l.email, locale);
      // The header's one "People" entry (its name may carry the requests badge) leads here.
      await page.getByRole('banner').getByRole('link', { name: new RegExp(`^${l.nav}`) }).click();
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
