import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };
/** The shared machine is slow at times: wait up to 20 s for the page to show what it should. */
const POLL = { timeout: 20_000 };

const LABELS = {
  ja: {
    nav: 'メンター',
    search: 'メンターを検索',
    searchSubmit: '検索',
    ask: '田中 陽子 さんに相談する',
    kind: '相談の種類',
    topic: 'テーマ',
    hopes: '期待していること',
    timeFrame: '希望の時期',
    send: 'リクエストを送る',
    sent: /リクエストを送りました/,
    pending: '回答待ち',
    accepted: '承諾',
    message: 'メッセージ（任意）',
    accept: '承諾する',
    open: 'メッセージを開く',
    sentTab: /送ったリクエスト/,
    adminTab: '相談のリクエスト',
    required: '必須項目です。',
  },
  en: {
    nav: 'Mentors',
    search: 'Search mentors',
    searchSubmit: 'Search',
    ask: 'Request advice from 田中 陽子',
    kind: 'What you are asking for',
    topic: 'Topic',
    hopes: 'What you hope for',
    timeFrame: 'When',
    send: 'Send request',
    sent: /Your request was sent/,
    pending: 'Waiting for an answer',
    accepted: 'Accepted',
    message: 'Message (optional)',
    accept: 'Accept',
    open: 'Open the conversation',
    sentTab: /Sent/,
    adminTab: 'Advice requests',
    required: 'Required.',
  },
} as const;

describe('mentoring and advice requests', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`an employee sends an advice request to a mentoring alumnus, who accepts (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `A${locale.toUpperCase()}${Date.now().toString(36)}`;
      const { page } = await newMember(browser, locale, {
        role: 'employee',
        familyName: '佐藤',
        givenName: '健',
        tag: `advice-${locale}`,
      });
      // A phone-sized window for the employee's side in Japanese, a desktop one in English.
      if (locale === 'ja') await page.setViewportSize(PHONE);

      // The mentors list is a preset of the directory; the employee finds 田中 陽子 (mentoring).
      if (locale === 'ja') {
        await page.goto('/mentors');
      } else {
        // Header "People", then the people area's "Mentors" tab.
        await page.getByRole('banner').getByRole('link', { name: /^People/ }).click();
        await page.getByTestId('people-nav').getByRole('link', { name: l.nav, exact: true }).click();
      }
      await page.waitForURL(/\/mentors/);
      await page.getByLabel(l.search).fill('田中 陽子');
      await page.getByRole('button', { name: l.searchSubmit, exact: true }).click();
      await page.getByRole('link', { name: l.ask }).waitFor();
      await screenshot(page, `advice-mentors-${locale}${locale === 'ja' ? '-390' : ''}`);
      await page.getByRole('link', { name: l.ask }).click();
      await page.waitForURL(/\/advice\/new\?to=/);
      expect(await page.locator('main h1').count()).toBe(1);
      await expect.poll(() => page.getByTestId('advice-target').innerText(), POLL).toContain('田中 陽子');
      await page.getByLabel(l.kind).selectOption('mentoring');
      // An empty topic is refused with the field's message, nothing sent.
      await page.getByLabel(l.hopes).fill(`Half an hour on moving abroad ${tag}`);
      await page.getByRole('button', { name: l.send }).click();
      await expect.poll(() => page.getByText(l.required, { exact: true }).count(), POLL).toBe(1);
      await page.getByLabel(l.topic).fill(`海外赴任の準備 ${tag}`);
      await page.getByLabel(l.timeFrame).selectOption('this_month');
      await screenshot(page, `advice-form-${locale}${locale === 'ja' ? '-390' : ''}`);
      await page.getByRole('button', { name: l.send }).click();
      await page.waitForURL(/\/advice\?tab=sent/);
      await expect.poll(() => page.getByText(l.sent).count(), POLL).toBe(1);
      const mine = page.getByTestId('advice-request').filter({ hasText: tag });
      await expect.poll(() => mine.innerText(), POLL).toContain(l.pending);

      // The alumnus, in a second browser context, accepts with a message.
      const mentor = await newPage(browser, locale, locale === 'ja' ? PHONE : undefined);
      await signInAs(mentor, 'alumni@kizuna.example', locale);
      await mentor.goto('/advice');
      const received = mentor.getByTestId('advice-request').filter({ hasText: tag });
      await expect.poll(() => received.count(), POLL).toBe(1);
      await received.getByLabel(l.message).fill('ぜひ。来週木曜はいかがですか？');
      await screenshot(mentor, `advice-received-${locale}${locale === 'ja' ? '-390' : ''}`);
      await received.getByRole('button', { name: l.accept, exact: true }).click();
      const open = received.getByRole('link', { name: l.open });
      await expect.poll(() => open.count(), POLL).toBe(1);
      expect(await open.getAttribute('href')).toMatch(/^\/messages\/[0-9a-f-]{36}$/);
      await expect.poll(() => received.innerText(), POLL).toContain(l.accepted);

      // The employee sees it accepted, with the way into the conversation.
      await page.reload();
      await expect.poll(() => mine.innerText(), POLL).toContain('ぜひ。来週木曜はいかがですか？');
      expect(await mine.getByRole('link', { name: l.open }).getAttribute('href')).toBe(
        await open.getAttribute('href'),
      );
      await screenshot(page, `advice-sent-${locale}${locale === 'ja' ? '-390' : ''}`);

      // HR sees counts only, never the topic or the pair.
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.goto('/admin/advice');
      await expect.poll(() => hr.getByTestId('advice-total').innerText(), POLL).toMatch(/\d/);
      const text = await hr.locator('main').innerText();
      expect(text).not.toContain(tag);
      expect(text).not.toContain('田中');
      expect(await hr.locator('main h1').count()).toBe(1);
      await screenshot(hr, `advice-admin-${locale}`);
      await hr.context().close();
      await mentor.context().close();
      await page.context().close();
    });
  }
});
