import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('an alumnus finds people and keeps their profile current', () => {
  it('searches 田中 and tanaka, opens a profile and edits their own (Japanese UI)', async () => {
    const page = await newPage(browser, 'ja');
    await signInAs(page, 'alumni@kizuna.example', 'ja');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('ようこそ');
    await screenshot(page, 'home-ja');

    await page.getByRole('link', { name: 'メンバー検索' }).first().click();
    // The home page also has a search box: wait until the directory page has replaced it.
    await page.getByRole('heading', { level: 1, name: 'メンバー検索' }).waitFor();
    const search = page.getByLabel('検索', { exact: true });
    await search.fill('田中');
    await search.press('Enter');
    await page.waitForURL(/q=%E7%94%B0%E4%B8%AD/);
    const firstCard = page.getByRole('article').first();
    await expect.poll(() => firstCard.innerText()).toContain('田中');
    await screenshot(page, 'directory-tanaka-ja');

    await search.fill('tanaka');
    await search.press('Enter');
    await page.waitForURL(/q=tanaka/);
    await expect.poll(() => page.getByRole('article').first().innerText()).toMatch(/Tanaka/);

    await page.getByRole('article').first().getByRole('link').first().click();
    await page.waitForURL(/\/members\/[^/]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('田中');
    await screenshot(page, 'profile-ja');

    // Own profile: a bad value shows a message under its field and keeps what was typed.
    await page.getByRole('link', { name: 'マイプロフィール' }).first().click();
    await page.getByRole('link', { name: 'プロフィールを編集' }).first().click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('姓（かな）', { exact: true }).fill('Tanaka');
    await page.getByLabel('現在の役職', { exact: true }).fill('プロダクトマネージャー');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByText('ひらがなまたはカタカナで入力してください。').count())
      .toBeGreaterThan(0);
    expect(await page.getByLabel('現在の役職', { exact: true }).inputValue()).toBe('プロダクトマネージャー');
    await screenshot(page, 'profile-edit-error-ja');

    await page.getByLabel('姓（かな）', { exact: true }).fill('たなか');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/members\/[^/]+$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('プロダクトマネージャー');
    await page.context().close();
  });

  it('shows the directory in English, and on a phone', async () => {
    const page = await newPage(browser, 'en');
    await signInAs(page, 'employee@kizuna.example', 'en');
    await page.goto('/directory?q=tanaka');
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(0);
    await screenshot(page, 'directory-en');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'directory-mobile-en');
    await page.context().close();
  });
});
