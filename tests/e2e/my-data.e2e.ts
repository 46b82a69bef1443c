import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  NEW_MEMBER_PASSWORD,
  newMember,
  newPage,
  openAccountLink,
  screenshot,
  signInAs,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PASSPHRASE = NEW_MEMBER_PASSWORD;

/**
 * A fresh alumnus (HR invites them through the API, they accept in the UI), so deleting the
 * account does not take a demo login away from the other journeys.
 */
async function newAlumnus(locale: 'ja' | 'en', names: { familyName: string; givenName: string }) {
  const member = await newMember(browser, locale, { role: 'alumni', ...names, tag: `my.data.${locale}` });
  // A full load of the home page: nothing of the sign-up flow is still navigating.
  await member.page.goto('/');
  return member;
}

async function openMyData(page: Page, linkName: string, heading: string) {
  await openAccountLink(page, linkName);
  await page.waitForURL(/\/settings\/my-data$/);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // The summary has loaded (the profile counts one record).
  await page.locator('#my-data-held dd').first().waitFor();
}

describe('My data', () => {
  it('an alumnus downloads their data, then deletes their account and cannot sign in again', async () => {
    const { page, email } = await newAlumnus('en', { familyName: '青木', givenName: '葵' });
    await openMyData(page, 'My data', 'My data');
    await screenshot(page, 'my-data-en');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kizuna-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path()) as string)));
    const data = JSON.parse(strFromU8(files['my-data.json'] as Uint8Array));
    expect(data.tables.users[0].email).toBe(email);
    expect(JSON.stringify(data)).toContain('青木');
    expect(Object.keys(files)).toContain('README.txt');
    await page.getByText('Your data was downloaded').waitFor();

    // A wrong password is refused with a translated message; nothing happens.
    await page.getByLabel('Your password').fill('not the password at all');
    await page.getByLabel('Type “DELETE” to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete my account permanently' }).click();
    await page.getByText('The password is not correct.').waitFor();
    // Full-page screenshots of a scrolled page draw the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'my-data-delete-error-en');

    await page.getByLabel('Your password').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Delete my account permanently' }).click();
    await page.waitForURL(/\/account-deleted$/);
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    await screenshot(page, 'my-data-deleted-en');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);

    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is incorrect.').waitFor();
    await page.context().close();
  });

  it('in Japanese, with the Japanese confirmation word', async () => {
    const { page } = await newAlumnus('ja', { familyName: '石井', givenName: '楓' });
    await openMyData(page, 'マイデータ', 'マイデータ');
    await screenshot(page, 'my-data-ja');
    await page.getByLabel('現在のパスワード').fill(PASSPHRASE);
    await page.getByLabel('確認のため「退会する」と入力してください').fill('たいかい');
    await page.getByRole('button', { name: 'アカウントを完全に削除する' }).click();
    await page.getByText('表示されている確認の言葉をそのまま入力してください。').waitFor();
    await page.getByLabel('確認のため「退会する」と入力してください').fill('退会する');
    await page.getByRole('button', { name: 'アカウントを完全に削除する' }).click();
    await page.waitForURL(/\/account-deleted$/);
    await page.getByRole('heading', { name: 'アカウントを削除しました' }).waitFor();
    await screenshot(page, 'my-data-deleted-ja');
    await page.context().close();
  });

  it('an admin sets the retention rules', async () => {
    for (const locale of ['ja', 'en'] as const) {
      const page = await newPage(browser, locale);
      await signInAs(page, 'admin@kizuna.example', locale);
      await page.goto('/admin/settings/retention');
      const enable = locale === 'ja' ? '保存期間のルールを適用する' : 'Apply the retention rules';
      await page.getByLabel(enable).waitFor();
      if (locale === 'en') {
        await page.getByLabel(enable).check();
        await page.getByLabel('Years without signing in').fill('0');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Must be at least 1.').waitFor();
        await page.getByLabel('Years without signing in').fill('3');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Retention rules saved.').waitFor();
        const saved = await page.evaluate(async () => (await fetch('/api/settings/retention')).json());
        expect(saved).toMatchObject({ enabled: true, inactiveYears: 3 });
      }
      await screenshot(page, `retention-settings-${locale}`);
      await page.context().close();
    }
  });
});
