import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from '#common/consents';
import { launchBrowser, newMember, newPage, openAdmin, screenshot, signInAs } from './browser';

const FIXTURE = join(process.cwd(), 'tests/fixtures/hr-export-cp932.csv');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('HR records: an invitation shows at once and a second one says why (issue 9)', () => {
  it('invites a record from /admin/hr-records; the row changes without a reload; inviting again gives the reason', async () => {
    const page = await newPage(browser, 'ja');
    await signInAs(page, 'hr@kizuna.example', 'ja');
    await openAdmin(page, '人事データ');
    await page.waitForURL(/\/admin\/hr-records/);
    const table = page.getByRole('table', { name: '人事データ' });
    // A record nobody invited yet, with an address.
    await page.getByLabel('状態').selectOption('not_invited');
    await page.getByLabel('メールアドレスがある人のみ').check();
    await page.getByRole('button', { name: '絞り込む' }).click();
    // The filtered page has replaced the first one once every row says 未招待.
    await expect
      .poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((r) => r.includes('未招待')))
      .toBe(true);
    const number = (await table.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
    await page.getByLabel('状態').selectOption('');
    await page.getByLabel('氏名・社員番号・メールアドレス').fill(number);
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect
      .poll(() => table.locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining(number)]);
    const row = table.locator('tbody tr').first();
    expect(await row.innerText()).toContain('未招待');

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '選択した人を招待（1人）' }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringContaining('1件の招待を受け付けました'));
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('招待済み');
    await screenshot(page, 'hr-records-invited-ja');

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '選択した人を招待（1人）' }).click();
    const result = page.getByRole('status').filter({ hasText: '招待できる人はいませんでした。' });
    await expect.poll(() => result.innerText()).toContain('招待済み（承諾待ちの招待あり）：1人');
    await screenshot(page, 'hr-records-invite-again-ja');
    await page.context().close();
  });
});

/** A new member listed in the directory (the helper answers every consent "no"). */
async function listedMember(familyName: string, givenName: string, tag: string) {
  const { page } = await newMember(browser, 'ja', { role: 'alumni', familyName, givenName, tag });
  const status = await page.evaluate(
    async (body) =>
      (
        await fetch('/api/me/consents', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    {
      textVersion: CONSENT_TEXT_VERSION,
      consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, p === 'directory'])),
    },
  );
  expect(status).toBe(200);
  await page.context().close();
}

describe('directory: variant kanji and exact names (issue 9, decision 028)', () => {
  it('finds 髙橋 when searching 高橋 and ranks the exact full name first', async () => {
    await listedMember('髙橋', '京澪', 'kyorei');
    await listedMember('髙橋', '澪', 'rei');
    const page: Page = await newPage(browser, 'ja');
    await signInAs(page, 'alumni@kizuna.example', 'ja');
    await page.goto(`/directory?q=${encodeURIComponent('高橋 澪')}`);
    await page.getByRole('heading', { level: 1, name: 'メンバー検索' }).waitFor();
    const cards = page.getByRole('article');
    // Both contain 高橋 and 澪; 京澪 sorts first by name, but 澪 is the exact full name.
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(0).innerText()).toContain('髙橋 澪');
    expect(await cards.nth(1).innerText()).toContain('髙橋 京澪');
    await screenshot(page, 'directory-variant-kanji-ja');
    await page.context().close();
  });
});

describe('import preview and rejected rows (issue 9)', () => {
  for (const locale of ['ja', 'en'] as const) {
    const text =
      locale === 'ja'
        ? {
            nav: '人事データ',
            importCsv: 'CSVを取り込む',
            file: 'CSVファイル',
            upload: 'アップロード',
            previewCaption: '先頭行のプレビューと問題点',
            start: '取り込みを開始',
            done: '取り込みが完了しました',
            rejected: 'エラーの行と理由',
            reason: '退職日が入社日より前です。',
            range: '3件中 1〜3件目',
          }
        : {
            nav: 'HR records',
            importCsv: 'Import CSV',
            file: 'CSV file',
            upload: 'Upload',
            previewCaption: 'Preview of the first rows with their problems',
            start: 'Start import',
            done: 'Import finished',
            rejected: 'Rejected rows and why',
            reason: 'The last day is before the first day.',
            range: '1–3 of 3',
          };
    it(`shows the preview without per-character wrapping and lists the rejected rows (${locale})`, async () => {
      const page = await newPage(browser, locale);
      await signInAs(page, 'hr@kizuna.example', locale);
      await openAdmin(page, text.nav);
      await page.getByRole('link', { name: text.importCsv }).click();
      await page.getByLabel(text.file).setInputFiles(FIXTURE);
      await page.getByRole('button', { name: text.upload }).click();
      await page.waitForURL(/\/admin\/hr-imports\/[0-9a-f-]{36}$/);
      const preview = page.getByRole('table', { name: text.previewCaption });
      await expect.poll(() => preview.innerText()).toContain(text.reason);
      // Dates and kana keep to one line (no break between any two characters).
      const cells = await preview
        .locator('tbody tr')
        .first()
        .evaluate((tr) =>
          [...tr.querySelectorAll('td')].map((td) => ({
            nowrap: getComputedStyle(td).whiteSpace === 'nowrap',
            text: td.innerText.trim(),
          })),
        );
      const datesAndKana = cells.filter(
        (c) =>
          /^\d{4}-\d{2}-\d{2}$/.test(c.text) || /^[\p{Script=Katakana}\p{Script=Hiragana}ー]+$/u.test(c.text),
      );
      expect(datesAndKana.length).toBeGreaterThanOrEqual(3);
      expect(datesAndKana.filter((c) => !c.nowrap)).toEqual([]);
      await screenshot(page, `hr-import-preview-${locale}`);

      await page.getByRole('button', { name: text.start }).click();
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain(text.done);
      const rejected = page.getByRole('table', { name: text.rejected });
      await expect.poll(() => rejected.locator('tbody tr').count()).toBe(3);
      expect(await rejected.innerText()).toContain(text.reason);
      expect(await page.locator('#import-summary').innerText()).toContain(text.range);
      await screenshot(page, `hr-import-rejected-${locale}`);
      await page.context().close();
    });
  }
});
