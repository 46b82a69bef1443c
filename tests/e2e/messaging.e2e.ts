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
    nav: /^メッセージ/,
    message: 'メッセージ',
    send: '送信',
    title: 'メッセージ',
    list: '会話一覧',
    report: '報告',
    reportSend: '報告する',
    reported: 'ご報告ありがとうございます。人事が確認します。',
    about: '対象: 山本 美咲',
    auditNotice: /監査ログに記録されます/,
    reportedMessage: '報告されたメッセージ',
  },
  en: {
    nav: /^Messages/,
    message: 'Message',
    send: 'Send',
    title: 'Messages',
    list: 'Conversations',
    report: 'Report',
    reportSend: 'Send report',
    reported: 'Thank you. HR will review this message.',
    about: 'About 山本 美咲',
    auditNotice: /This reading is audited/,
    reportedMessage: 'Reported message',
  },
} as const;

const meOf = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/me')).json()) as { id: string });

describe('messaging', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`HR and an alumnus exchange messages live in two browser contexts (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `${locale}-${Date.now().toString(36)}`;
      // The alumnus on a phone, on the conversation list.
      const alumnus = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(alumnus, 'alumni@kizuna.example', locale);
      const { id: alumnusId } = await meOf(alumnus);
      await alumnus.goto('/messages');
      await expect.poll(() => alumnus.locator('main h1').textContent()).toBe(l.title);
      // The demo conversations are there, one with an unread reply.
      await expect
        .poll(() => alumnus.getByRole('list', { name: l.list }).getByRole('listitem').count())
        .toBeGreaterThan(1);
      await screenshot(alumnus, `messaging-list-${locale}-390`);

      // HR writes first, from /messages/new?to= (the link other features use).
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.goto(`/messages/new?to=${alumnusId}`);
      // An existing conversation opens directly; either way the composer is labelled the same.
      await hr
        .getByRole('main')
        .getByRole('textbox', { name: l.message, exact: true })
        .fill(`Hello from HR ${tag}`);
      await hr.getByRole('button', { name: l.send }).click();
      await hr.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      await hr.getByText(`Hello from HR ${tag}`).waitFor();

      // Without reloading, the alumnus's list shows it; they open it and reply.
      await alumnus.getByText(`Hello from HR ${tag}`).click();
      await alumnus.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      await alumnus
        .getByRole('main')
        .getByRole('textbox', { name: l.message, exact: true })
        .fill(`Thanks, HR ${tag}`);
      await alumnus.getByRole('button', { name: l.send }).click();
      await alumnus.getByText(`Thanks, HR ${tag}`).waitFor();

      // HR sees the reply arrive live, without a reload.
      await hr.getByText(`Thanks, HR ${tag}`).waitFor({ timeout: 10_000 });
      await hr
        .getByRole('main')
        .getByRole('textbox', { name: l.message, exact: true })
        .fill(`Live reply ${tag}`);
      await hr.getByRole('button', { name: l.send }).click();
      await alumnus.getByText(`Live reply ${tag}`).waitFor({ timeout: 10_000 });
      expect(await alumnus.locator('main h1').count()).toBe(1);
      await screenshot(alumnus, `messaging-thread-${locale}-390`);
      await screenshot(hr, `messaging-thread-${locale}-hr`);

      // The alumnus reports HR's reply (any participant may report a message); HR reviews it in the
      // second moderation tab, where reading the conversation is audited.
      const bubble = alumnus.getByRole('listitem').filter({ hasText: `Live reply ${tag}` });
      await bubble.getByRole('button', { name: l.report }).click();
      await alumnus.getByRole('button', { name: l.reportSend }).click();
      await alumnus.getByText(l.reported).waitFor();
      await hr.goto('/admin/moderation/people');
      await hr
        .getByRole('button', { name: new RegExp(l.about) })
        .first()
        .click();
      await hr.getByRole('note').filter({ hasText: l.auditNotice }).waitFor();
      await hr.getByRole('list', { name: l.reportedMessage }).getByText(`Live reply ${tag}`).waitFor();
      await screenshot(hr, `messaging-people-reports-${locale}`);
      await hr.context().close();
      await alumnus.context().close();
    });
  }
});
