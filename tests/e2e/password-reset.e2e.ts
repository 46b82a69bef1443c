import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  screenshot as fullPageShot,
  launchBrowser,
  NEW_MEMBER_PASSWORD,
  newMember,
  newPage,
  openAccountLink,
  signInAs,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

const status = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

/**
 * The reset link as the local mail catcher received it, read by an admin through the outbox API
 * (outside production the catcher holds the message, so the outbox shows its link whole).
 */
async function resetLinkFor(email: string, locale: 'ja' | 'en'): Promise<string> {
  const admin = await newPage(browser, locale);
  await signInAs(admin, 'admin@kizuna.example', locale);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        link = await admin.evaluate(async (address) => {
          const list = await (await fetch(`/api/outbox?q=${encodeURIComponent(address)}`)).json();
          const item = list.items.find((m: { kind: string; status: string }) => m.kind === 'password_reset');
          if (item?.status !== 'sent') return undefined;
          const message = await (await fetch(`/api/outbox/${item.id}`)).json();
          return /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(message.text)?.[0];
        }, email);
        return link;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeTruthy();
  await admin.context().close();
  return link as string;
}

describe('forgot password, reset by email, sessions', () => {
  it('en: sees and revokes another session; forgets the password, resets it from the email, old session gone', async () => {
    const { page: first, email } = await newMember(browser, 'en', {
      role: 'alumni',
      familyName: '森',
      givenName: '直人',
      tag: 'reset.en',
    });
    // A second device.
    const second = await newPage(browser, 'en');
    await signInAs(second, email, 'en', NEW_MEMBER_PASSWORD);
    expect(await status(second, '/api/me')).toBe(200);

    // Settings › Password and sessions: both devices listed, the other one signed out.
    await openAccountLink(first, 'Password and sessions');
    await first.waitForURL(/\/settings\/security/);
    const rows = first.getByTestId('session-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'This device' }).count()).toBe(1);
    expect(await first.locator('#account-sessions').innerText()).toContain('Chrome on Linux');
    await screenshot(first, 'account-sessions-en');
    await rows
      .filter({ hasNotText: 'This device' })
      .getByRole('button', { name: /^Sign out/ })
      .click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await status(second, '/api/me')).toBe(401);
    await second.context().close();

    // Forgot password: from the sign-in page.
    const anonymous = await newPage(browser, 'en');
    await anonymous.goto('/login');
    await anonymous.getByRole('link', { name: 'Forgot your password?' }).click();
    await anonymous.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await anonymous.getByLabel('Email address').fill(email);
    await anonymous.getByRole('button', { name: 'Send the link' }).click();
    await anonymous.getByText('Check your email').waitFor();
    await screenshot(anonymous, 'password-forgot-sent-en');

    // The link from the email.
    const link = await resetLinkFor(email, 'en');
    await anonymous.goto(new URL(link).pathname + new URL(link).search);
    const newPassword = 'a newly chosen passphrase';
    await anonymous.getByLabel('New password', { exact: true }).fill(newPassword);
    await anonymous.getByLabel('New password (again)', { exact: true }).fill(newPassword);
    await screenshot(anonymous, 'password-reset-en');
    await anonymous.getByRole('button', { name: 'Set the new password' }).click();
    await anonymous.getByText('Your password has been changed').waitFor();

    // The session that knew the old password is gone; the new password works, the old one not.
    expect(await status(first, '/api/me')).toBe(401);
    await first.context().close();
    await anonymous.getByRole('link', { name: 'Sign in' }).click();
    await anonymous.waitForURL(/\/login/);
    await anonymous.getByLabel('Email').fill(email);
    await anonymous.getByLabel('Password', { exact: true }).fill(NEW_MEMBER_PASSWORD);
    await anonymous.getByRole('button', { name: 'Sign in' }).click();
    await anonymous.getByRole('alert').waitFor();
    await signInAs(anonymous, email, 'en', newPassword);
    expect(await status(anonymous, '/api/me')).toBe(200);

    // The same link a second time: it was used.
    await anonymous.context().clearCookies();
    await anonymous.goto(new URL(link).pathname + new URL(link).search);
    await anonymous.getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await anonymous.getByLabel('New password (again)', { exact: true }).fill('yet another passphrase');
    await anonymous.getByRole('button', { name: 'Set the new password' }).click();
    await anonymous.getByText('already been used').waitFor();
    await anonymous.context().close();
  });

  it('ja: changes the password in settings (the other device is signed out) and asks for a reset link', async () => {
    const { page, email } = await newMember(browser, 'ja', {
      role: 'employee',
      familyName: '石井',
      givenName: '真央',
      tag: 'reset.ja',
    });
    const other = await newPage(browser, 'ja');
    await signInAs(other, email, 'ja', NEW_MEMBER_PASSWORD);

    await openAccountLink(page, 'パスワードとログイン中の端末');
    await page.waitForURL(/\/settings\/security/);
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(2);
    expect(await page.locator('#account-sessions').innerText()).toContain('Linux の Chrome');
    await screenshot(page, 'account-sessions-ja');
    await page.getByLabel('現在のパスワード', { exact: true }).fill(NEW_MEMBER_PASSWORD);
    await page.getByLabel('新しいパスワード', { exact: true }).fill('まったく新しいパスフレーズ');
    await page.getByLabel('新しいパスワード（確認）', { exact: true }).fill('まったく新しいパスフレーズ');
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
    await page.getByText('パスワードを変更しました').waitFor();
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(1);
    expect(await status(other, '/api/me')).toBe(401);
    expect(await status(page, '/api/me')).toBe(200);
    await screenshot(page, 'account-password-changed-ja');
    await other.context().close();
    await page.context().close();

    const anonymous = await newPage(browser, 'ja');
    await anonymous.goto('/login');
    await anonymous.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    // The sign-in form has a field of the same label: wait for the new page to be drawn first.
    await anonymous.getByRole('heading', { name: 'パスワードの再設定' }).waitFor();
    await anonymous.getByLabel('メールアドレス').fill(email);
    await screenshot(anonymous, 'password-forgot-ja');
    await anonymous.getByRole('button', { name: 'リンクを送信' }).click();
    await anonymous.getByText('メールをご確認ください').waitFor();
    const link = await resetLinkFor(email, 'ja');
    await anonymous.goto(new URL(link).pathname + new URL(link).search);
    await anonymous.getByRole('button', { name: 'パスワードを設定' }).waitFor();
    await screenshot(anonymous, 'password-reset-ja');
    await anonymous.context().close();
  });
});
