import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

const FIXTURE = join(process.cwd(), 'tests/fixtures/hr-export-cp932.csv');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('HR imports the HR export (CP932 from Excel)', () => {
  it('uploads, maps, starts, follows progress to 100 %, downloads the error CSV, sees the records', async () => {
    const page = await newPage(browser, 'ja');
    await signInAs(page, 'hr@kizuna.example', 'ja');
    await openAdmin(page, '人事データ');
    await page.waitForURL(/\/admin\/hr-records/);
    await expect
      .poll(() => page.getByRole('table', { name: '人事データ' }).locator('tbody tr').count())
      .toBeGreaterThan(10);
    await screenshot(page, 'import-records-ja');

    await page.getByRole('link', { name: 'CSVを取り込む' }).click();
    await page.waitForURL(/\/admin\/hr-imports\/new/);
    await page.getByLabel('CSVファイル').setInputFiles(FIXTURE);
    await expect.poll(() => page.locator('main').innerText()).toContain('hr-export-cp932.csv');
    await screenshot(page, 'import-upload-ja');
    await page.getByRole('button', { name: 'アップロード' }).click();
    await page.waitForURL(/\/admin\/hr-imports\/[0-9a-f-]{36}$/);

    // Mapping step: detected as Shift_JIS, columns matched by their Japanese names.
    await expect.poll(() => page.locator('main').innerText()).toContain('40行');
    await expect.poll(() => page.getByLabel('列「氏名」に対応する項目').inputValue()).toBe('fullName');
    await expect.poll(() => page.getByLabel('列「所属」に対応する項目').inputValue()).toBe('departments');
    await expect.poll(() => page.getByLabel('文字コード').inputValue()).toBe('cp932');
    const preview = page.getByRole('table', { name: '先頭行のプレビューと問題点' });
    await expect.poll(() => preview.innerText()).toContain('小林');
    await expect.poll(() => preview.innerText()).toContain('退職日が入社日より前です。');
    await screenshot(page, 'import-mapping-ja');

    await page.getByRole('button', { name: '取り込みを開始' }).click();
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 30_000 })
      .toContain('取り込みが完了しました');
    const bar = page.getByRole('progressbar', { name: '取り込みの進捗' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const summary = await page.locator('#import-summary').innerText();
    expect(summary).toContain('40行中 40行');
    expect(summary).toMatch(/エラー\s*3/);
    await screenshot(page, 'import-summary-ja');

    // A reload comes back to the same import.
    await page.reload();
    await expect.poll(() => page.locator('main').innerText()).toContain('取り込みが完了しました');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'エラーCSVをダウンロード' }).click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('行,社員番号,エラー内容');
    expect(lines).toHaveLength(4);
    expect(csv).toContain('退職日: 退職日が入社日より前です。');
    expect(csv).toContain('社員番号: 必須項目です。');

    await page.getByRole('link', { name: '人事データを見る' }).click();
    await page.waitForURL(/\/admin\/hr-records/);
    await page.getByLabel('氏名・社員番号・メールアドレス').fill('S7030');
    await page.getByRole('button', { name: '絞り込む' }).click();
    const table = page.getByRole('table', { name: '人事データ' });
    await expect.poll(() => table.innerText()).toContain('企画部');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('未招待');
    await page.context().close();
  });

  it('shows the upload, mapping and progress steps in English', async () => {
    const page = await newPage(browser, 'en');
    await signInAs(page, 'hr@kizuna.example', 'en');
    await page.goto('/admin/hr-imports/new');
    await page.getByLabel('CSV file').setInputFiles(FIXTURE);
    await expect.poll(() => page.locator('main').innerText()).toContain('Up to 200 MB.');
    await screenshot(page, 'import-upload-en');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/admin\/hr-imports\/[0-9a-f-]{36}$/);
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Preview of the first rows with their problems' }).innerText(),
      )
      .toContain('The last day is before the first day.');
    await screenshot(page, 'import-mapping-en');
    await page.getByRole('button', { name: 'Start import' }).click();
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 30_000 })
      .toContain('Import finished');
    // The same file as in the Japanese journey: its rows are unchanged now (or new if run alone).
    const summary = await page.locator('#import-summary').innerText();
    expect(summary).toMatch(/Updated\s*0/);
    expect(summary).toMatch(/Rejected\s*3/);
    await screenshot(page, 'import-summary-en');
    await page.goto('/admin/hr-records');
    await expect
      .poll(() => page.getByRole('table', { name: 'HR records' }).locator('tbody tr').count())
      .toBeGreaterThan(10);
    await screenshot(page, 'import-records-en');
    await page.context().close();
  });
});
