import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/**
 * HR configures the exit survey: the default questions are there on first use, HR adds a question
 * in both languages, and the results page hides small groups. (The leaver's answering and the
 * proposal form live on the case page and are covered by the exit journey.)
 */
describe('exit survey admin', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`HR sees the default questions and adds one (${locale})`, async () => {
      const page = await newPage(browser, locale);
      await signInAs(page, 'hr@kizuna.example', locale);
      const l =
        locale === 'ja'
          ? {
              nav: '退職者アンケート',
              first: '当社での仕事に、全体としてどのくらい満足していましたか？',
              promptJa: '質問文（日本語）',
              promptEn: '質問文（英語）',
              kind: '形式',
              text: '自由記述',
              add: '質問を追加',
              added: '質問を追加しました。',
              results: '集計結果',
            }
          : {
              nav: 'Exit survey',
              first: 'Overall, how satisfied were you with working here?',
              promptJa: 'Question (Japanese)',
              promptEn: 'Question (English)',
              kind: 'Kind',
              text: 'Free text',
              add: 'Add question',
              added: 'Question added.',
              results: 'Results',
            };
      await openAdmin(page, l.nav);
      await page.waitForURL(/\/admin\/exit-survey$/);
      await page.getByText(l.first).first().waitFor();
      await page.getByRole('heading', { name: l.results }).waitFor();

      const newJa = `後輩へのメッセージをお願いします（${locale}）`;
      await page.getByLabel(l.kind).last().selectOption('text');
      await page.getByLabel(l.promptJa).last().fill(newJa);
      await page.getByLabel(l.promptEn).last().fill(`A message for your juniors (${locale})`);
      await page.getByRole('button', { name: l.add, exact: true }).click();
      await page.getByText(l.added).waitFor();
      const shown = locale === 'ja' ? newJa : `A message for your juniors (${locale})`;
      await page.getByText(shown).first().waitFor();
      expect(await page.getByText(shown).count()).toBeGreaterThan(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `exit-survey-admin-${locale}`);
      await page.context().close();
    });
  }
});
