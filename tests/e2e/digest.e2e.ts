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
    title: 'ダイジェストの配信停止',
    submit: '配信を停止する',
    done: /配信を停止しました/,
    settingsLink: 'コミュニティダイジェスト',
    biweekly: '2 週間ごと',
    save: '保存',
    saved: '保存しました。',
  },
  en: {
    title: 'Unsubscribe from the digest',
    submit: 'Unsubscribe',
    done: /You are unsubscribed/,
    settingsLink: 'Community digest',
    biweekly: 'Every two weeks',
    save: 'Save',
    saved: 'Saved.',
  },
} as const;

const used = new Set<string>();

/** A digest in this language as the local mail catcher received it, read by the admin through the outbox. */
async function caughtDigest(admin: Page, locale: 'ja' | 'en') {
  let found: { id: string; text: string; raw: string } | undefined;
  await expect
    .poll(
      async () => {
        found = await admin.evaluate(
          async ({ lang, skip }) => {
            const list = await (await fetch('/api/outbox?kind=digest&status=sent')).json();
            const item = list.items.find(
              (m: { locale: string; id: string }) => m.locale === lang && !skip.includes(m.id),
            );
            if (!item) return undefined;
            const message = await (await fetch(`/api/outbox/${item.id}`)).json();
            if (!message.delivered) return undefined;
            return {
              id: item.id as string,
              text: message.text as string,
              raw: message.delivered.raw as string,
            };
          },
          { lang: locale, skip: [...used] },
        );
        return found;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBeTruthy();
  used.add((found as { id: string }).id);
  return found as { id: string; text: string; raw: string };
}

describe('the weekly digest', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`${locale}: the digest lands in the mail catcher with a working one-click unsubscribe`, async () => {
      const l = LABELS[locale];
      const admin = await newPage(browser, locale);
      await signInAs(admin, 'admin@kizuna.example', locale);
      const run = await admin.evaluate(async () => {
        const res = await fetch('/api/dev/jobs/digest.weekly', { method: 'POST' });
        return { status: res.status, body: await res.json() };
      });
      expect(run.status).toBe(200);
      expect(run.body.batches).toBeGreaterThan(0);

      const mail = await caughtDigest(admin, locale);
      const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
      expect(headers).toMatch(
        /^List-Unsubscribe: <https?:\/\/[^>]+\/api\/digest\/unsubscribe\?token=[\w-]+>, <mailto:/m,
      );
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(mail.text).toContain(locale === 'ja' ? '配信停止' : 'Stop receiving this digest');
      const link = /https?:\/\/\S+\/unsubscribe\?token=[\w-]+/.exec(mail.text)?.[0];
      expect(link).toBeTruthy();

      // Opening the link changes nothing; the button unsubscribes (RFC 8058: prefetchers).
      const reader = await newPage(
        browser,
        locale,
        locale === 'ja' ? { width: 390, height: 844 } : undefined,
      );
      const url = new URL(link as string);
      await reader.goto(url.pathname + url.search);
      await reader.getByRole('heading', { name: l.title }).waitFor();
      await screenshot(reader, locale === 'ja' ? 'digest-unsubscribe-ja-390' : 'digest-unsubscribe-en');
      await reader.getByRole('button', { name: l.submit }).click();
      await reader.getByText(l.done).waitFor();
      await screenshot(reader, `digest-unsubscribed-${locale}`);
      // The same link again: still fine (idempotent).
      await reader.reload();
      await reader.getByRole('button', { name: l.submit }).click();
      await reader.getByText(l.done).waitFor();
      await reader.context().close();

      // The member's own settings: from the privacy page to the digest settings.
      await admin.goto('/settings/privacy');
      await admin.getByRole('link', { name: l.settingsLink }).click();
      await admin.waitForURL(/\/settings\/digest$/);
      await admin.getByLabel(l.biweekly).check();
      await admin.getByRole('button', { name: l.save }).click();
      await admin.getByText(l.saved).waitFor();
      await screenshot(admin, `digest-settings-${locale}`);
      await admin.context().close();
    });
  }
});
