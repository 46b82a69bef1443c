import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

/**
 * Decision 020: a referral nobody answered is kept, but 30 days after it lapsed the candidate's
 * name, email and the reason are gone. An alumnus refers someone through the form; the admin moves
 * the server clock past the 14-day link and the 30 days after it, runs the daily referrals job and
 * puts the clock back at once (the other journeys share this server); the referrer and HR then see
 * the row as "候補者（削除済み）" / "Candidate (details deleted)".
 */
let browser: Browser;
const open: Page[] = [];
const DAYS = 45;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const page of open) await page.context().close();
  await browser.close();
});

/** A JSON API call with the page's session (same origin, so the CSRF check passes). */
async function call<T>(page: Page, method: string, path: string, body?: unknown) {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
  if (result.status >= 400)
    throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.json)}`);
  return result.json as T;
}

describe('a referral that ended without an answer loses the candidate’s details', () => {
  it('the referrer and HR keep the row, without the name', async () => {
    const candidateName = '削除 予定子';
    const reason = '前職で一緒に新規事業を立ち上げた、頼れる企画担当です。';
    const member = await newMember(browser, 'ja', {
      role: 'alumni',
      familyName: '紹介',
      givenName: '花子',
      tag: 'hanako.retention',
    });
    const referrer = member.page;
    open.push(referrer);
    await referrer.goto('/referrals');
    await referrer.getByLabel('お名前').fill(candidateName);
    await referrer.getByLabel('メールアドレス').fill(`yoteiko.${Date.now()}@mail.example`);
    await referrer.getByLabel('メールの言語').selectOption('ja');
    await referrer.getByLabel('推薦する理由').fill(reason);
    await referrer.getByRole('button', { name: '同意確認のメールを送る' }).click();
    const list = referrer.locator('#my-referrals');
    await list.locator('li').filter({ hasText: candidateName }).getByText('本人の同意待ち').waitFor();

    // 45 days later (14 for the link, 30 after it), the daily job; the clock goes back at once.
    const admin = await newPage(browser, 'en');
    open.push(admin);
    await signInAs(admin, 'admin@kizuna.example', 'en');
    await call(admin, 'POST', '/api/dev/clock', { advanceDays: DAYS });
    let result: { expired: number; redacted: number };
    try {
      result = await call(admin, 'POST', '/api/dev/jobs/referrals.expire');
    } finally {
      await call(admin, 'POST', '/api/dev/clock', { advanceDays: -DAYS });
    }
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(result.redacted).toBeGreaterThanOrEqual(1);

    // The referrer: the row and its status stay, the name is gone.
    await referrer.reload();
    const item = list.locator('li').filter({ hasText: '候補者（削除済み）' });
    await item.getByText('回答なし（期限切れ）').waitFor();
    await item.getByText('個人情報の保存ルールに従い', { exact: false }).waitFor();
    expect(await list.innerText()).not.toContain(candidateName);
    const mine = await call<{ items: { candidateName: string | null; status: string }[] }>(
      referrer,
      'GET',
      '/api/me/referrals',
    );
    expect(mine.items).toEqual([expect.objectContaining({ candidateName: null, status: 'expired' })]);
    await screenshot(referrer, 'referral-retention-mine-ja');

    // HR: the lapsed referrals, ours among them, named only by the label.
    const hr = await newPage(browser, 'en');
    open.push(hr);
    await signInAs(hr, 'hr@kizuna.example', 'en');
    await hr.goto('/admin/referrals?status=expired');
    await hr.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    await hr.getByText('Candidate (details deleted)').first().waitFor();
    const table = await hr.getByRole('table').innerText();
    expect(table).not.toContain(candidateName);
    await screenshot(hr, 'referral-retention-admin-en');
  }, 180_000);
});
