import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

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
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
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
