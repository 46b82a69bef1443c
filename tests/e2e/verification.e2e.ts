import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

interface DemoRecord {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
}

describe('joining without an invitation', () => {
  it('someone requests to join at /join, and HR approves in the queue', async () => {
    // A person in the demo HR records who is not a member yet.
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    const record = await hr.evaluate(async () => {
      const res = await fetch('/api/hr-records?status=not_invited');
      return ((await res.json()) as { items: DemoRecord[] }).items[0] as DemoRecord;
    });
    expect(record?.employeeNumber).toBeTruthy();

    const person = await newPage(browser, 'ja');
    await person.goto('/login');
    await person.getByRole('link', { name: '在籍していたのに招待が届いていない方はこちら' }).click();
    await person.waitForURL(/\/join$/);
    await person.getByRole('button', { name: '申請する' }).click();
    await expect
      .poll(() => person.getByText('社員番号、または在籍時のメールアドレスを入力してください。').count())
      .toBe(1);
    await screenshot(person, 'join-errors-ja');

    const email = `requester.${Date.now()}@mail.example`;
    await person.getByLabel('姓', { exact: true }).fill(record.familyName);
    await person.getByLabel('名', { exact: true }).fill(record.givenName);
    if (record.familyNameKana)
      await person.getByLabel('姓（かな）', { exact: true }).fill(record.familyNameKana);
    if (record.givenNameKana)
      await person.getByLabel('名（かな）', { exact: true }).fill(record.givenNameKana);
    await person.getByLabel('社員番号', { exact: true }).fill(record.employeeNumber);
    // A first month HR's record does not have: not an exact match, so HR decides.
    await person.getByLabel('入社年月', { exact: true }).fill('1990-01');
    await person.getByLabel('現在のメールアドレス', { exact: true }).fill(email);
    await person.getByLabel('人事部へのメッセージ（任意）').fill('入社年月はうろ覚えです。');
    await person.evaluate(() => window.scrollTo(0, 0));
    await screenshot(person, 'join-filled-ja');
    await person.getByRole('button', { name: '申請する' }).click();
    await person.getByText('ありがとうございます。申請を受け付けました。').waitFor();
    await screenshot(person, 'join-sent-ja');
    await person.context().close();

    await openAdmin(hr, 'Join requests');
    await hr.waitForURL(/\/admin\/join-requests/);
    const card = hr.getByRole('article').filter({ hasText: email });
    await card.waitFor();
    await expect.poll(() => card.getByText('Exact match', { exact: true }).count()).toBe(0);
    await expect.poll(() => card.getByText('Employee no.: matches').count()).toBe(1);
    await screenshot(hr, 'join-requests-en');
    await card.getByRole('button', { name: 'Approve and invite' }).click();
    await expect.poll(() => hr.getByRole('article').filter({ hasText: email }).count()).toBe(0);
    const history = hr.locator('#join-history');
    await expect.poll(() => history.innerText()).toContain(email);
    await expect.poll(() => history.innerText()).toContain('Approved');
    const invitations = await hr.evaluate(
      async () => (await (await fetch('/api/invitations')).json()) as unknown,
    );
    expect(JSON.stringify(invitations)).toContain(email);
    await hr.context().close();

    const hrJa = await newPage(browser, 'ja');
    await signInAs(hrJa, 'hr@kizuna.example', 'ja');
    await hrJa.goto('/admin/join-requests');
    await hrJa.getByRole('heading', { name: '参加条件' }).waitFor();
    // Excluded leave reasons: checkboxes of the codes in the HR records, with the exit labels.
    const family = hrJa.getByRole('checkbox', { name: '家庭の事情' });
    await family.waitFor();
    expect(await family.isChecked()).toBe(false);
    await family.check();
    await hrJa.getByRole('button', { name: '保存', exact: true }).click();
    await hrJa.getByText('参加条件を保存しました。').waitFor();
    const saved = await hrJa.evaluate(
      async () =>
        (await (await fetch('/api/settings/eligibility')).json()) as { excludedLeaveReasons: string[] },
    );
    expect(saved.excludedLeaveReasons).toEqual(['family']);
    await screenshot(hrJa, 'join-requests-ja');
    await family.uncheck();
    await hrJa.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(async () =>
        hrJa.evaluate(
          async () => (await (await fetch('/api/settings/eligibility')).json()).excludedLeaveReasons,
        ),
      )
      .toEqual([]);
    await hrJa.goto('/admin/freshness');
    await hrJa.getByRole('heading', { name: 'ロール別' }).waitFor();
    await screenshot(hrJa, 'freshness-admin-ja');
    await hrJa.context().close();

    const en = await newPage(browser, 'en');
    await en.goto('/join');
    await en.getByRole('heading', { name: 'Request to join Kizuna' }).waitFor();
    await screenshot(en, 'join-en');
    await en.context().close();
  });
});

describe('profile freshness', () => {
  it('an alumna with a stale profile confirms from the home banner', async () => {
    const page = await newPage(browser, 'ja');
    await signInAs(page, 'alumni@kizuna.example', 'ja');
    const banner = page.getByRole('region', {
      name: '現在も株式会社ミライテックでプロダクトマネージャーとしてご活躍ですか？',
    });
    await banner.waitFor();
    await screenshot(page, 'freshness-banner-ja');
    // Her profile page shows the date she last confirmed it; the "stale" badge is for HR only.
    const { id } = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { id: string });
    await page.goto(`/members/${id}`);
    await page
      .getByTestId('confirmed-on')
      .getByText(/^最終確認日: /)
      .waitFor();
    expect(await page.getByText('要更新', { exact: true }).count()).toBe(0);
    await screenshot(page, 'profile-confirmed-ja');
    const hrStale = await newPage(browser, 'en');
    await signInAs(hrStale, 'hr@kizuna.example', 'en');
    await hrStale.goto(`/members/${id}`);
    await hrStale.getByTestId('confirmed-on').getByText('Stale', { exact: true }).waitFor();
    await screenshot(hrStale, 'profile-stale-en');
    await page.goto('/');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'はい、変わりません' }).click();
    await page.getByText('プロフィールが最新であることを確認しました。').waitFor();
    const mine = await page.evaluate(async () => (await fetch('/api/me/freshness')).json());
    expect(mine).toMatchObject({ isStale: false });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('button', { name: 'はい、変わりません' }).count()).toBe(0);
    await page.context().close();
    // Confirmed today: HR sees the date without the badge.
    await hrStale.goto(`/members/${id}`);
    await hrStale
      .getByTestId('confirmed-on')
      .getByText(/^Confirmed on /)
      .waitFor();
    expect(await hrStale.getByTestId('confirmed-on').getByText('Stale', { exact: true }).count()).toBe(0);
    await hrStale.context().close();

    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    await hr.goto('/admin/freshness');
    await hr.getByRole('heading', { name: 'By role' }).waitFor();
    await screenshot(hr, 'freshness-admin-en');
    await hr.context().close();
  });
});
