import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from '#common/consent-purposes';

export const DEMO_PASSWORD = 'kizuna-demo-2026';
export const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context in one UI language, with the app's base URL. */
export async function newPage(
  browser: Browser,
  locale: 'ja' | 'en',
  viewport = { width: 1280, height: 860 },
) {
  const context = await browser.newContext({ baseURL: inject('baseURL'), locale, viewport });
  await context.addInitScript((lang) => window.localStorage.setItem('i18nextLng', lang), locale);
  return context.newPage();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A sticky header is drawn where the viewport was when a full page is stitched: pin it to the
  // top for the capture, then restore it.
  const pin = await page.addStyleTag({ content: 'header.sticky { position: static !important; }' });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await pin.evaluate((node) => (node as HTMLStyleElement).remove());
}

export async function signInAs(page: Page, email: string, locale: 'ja' | 'en', password = DEMO_PASSWORD) {
  const labels =
    locale === 'ja'
      ? { email: 'メールアドレス', password: 'パスワード', submit: 'ログイン' }
      : { email: 'Email', password: 'Password', submit: 'Sign in' };
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens the account menu (behind the member's name) and follows one of its links. */
export async function openAccountLink(page: Page, name: string) {
  await page.getByTestId('account-menu').locator('summary').click();
  await page.getByTestId('account-menu').getByRole('link', { name, exact: true }).click();
}

/** Goes to the HR area (header "Admin") and opens one of its tabs. */
export async function openAdmin(page: Page, tab: string) {
  await page
    .getByRole('banner')
    .getByRole('link', { name: /^(Admin|管理)$/ })
    .click();
  await page.getByTestId('admin-nav').getByRole('link', { name: tab, exact: true }).click();
}

export const NEW_MEMBER_PASSWORD = 'a fresh member passphrase';

/**
 * A member who did not exist before this test: HR invites them through the API, they set a
 * password on the invitation page and answer the first-sign-in consent step (all off). Journeys
 * that change a member for good (role, email, deletion) use one, so the demo logins stay intact.
 */
export async function newMember(
  browser: Browser,
  locale: 'ja' | 'en',
  invite: { role: 'alumni' | 'employee'; familyName: string; givenName: string; tag: string },
) {
  const email = `${invite.tag}.${Date.now()}@example.com`;
  const hr = await newPage(browser, locale);
  await signInAs(hr, 'hr@kizuna.example', locale);
  const acceptUrl = await hr.evaluate(
    async (body) => {
      const res = await fetch('/api/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()).acceptUrl as string;
    },
    { email, role: invite.role, locale, familyName: invite.familyName, givenName: invite.givenName },
  );
  await hr.context().close();

  const page = await newPage(browser, locale);
  await page.goto(new URL(acceptUrl).pathname);
  const labels =
    locale === 'ja'
      ? { password: 'パスワード', confirm: 'パスワード（確認）', submit: 'パスワードを設定' }
      : { password: 'Password', confirm: 'Confirm password', submit: 'Set password' };
  await page.getByLabel(labels.password, { exact: true }).fill(NEW_MEMBER_PASSWORD);
  await page.getByLabel(labels.confirm, { exact: true }).fill(NEW_MEMBER_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/welcome/);
  await page.getByTestId('consents-submit').click();
  await page.waitForURL((url) => url.pathname !== '/welcome');
  return { page, email };
}

/** A new member, listed in the directory (the consent step answered "all off"; then opted in). */
export async function listedMember(
  browser: Browser,
  locale: 'ja' | 'en',
  invite: { role?: 'alumni' | 'employee'; familyName: string; givenName: string; tag: string },
) {
  const { page } = await newMember(browser, locale, { role: 'alumni', ...invite });
  const id = await page.evaluate(
    async ({ purposes, textVersion }) => {
      const consents = Object.fromEntries(purposes.map((p) => [p, p === 'directory']));
      await fetch('/api/me/consents', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ textVersion, consents }),
      });
      return ((await (await fetch('/api/me')).json()) as { id: string }).id;
    },
    { purposes: [...CONSENT_PURPOSES], textVersion: CONSENT_TEXT_VERSION },
  );
  return { page, id };
}
