import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

/**
 * The one chip (tag) input, as a member uses it on two of its forms: "open to coming back" (ja)
 * and the career proposal on a leaver case (en). The job form and job alerts use it in the jobs
 * and rehiring journeys.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** JSON through the page's session (same origin, so the CSRF check passes). */
const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api${p}`, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: (res.status === 204 ? null : await res.json()) as unknown };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;

const chips = (page: Page, list: string) =>
  page
    .getByRole('list', { name: list, exact: true })
    .getByRole('listitem')
    .allInnerTexts()
    .then((items) => items.map((text) => text.replace('×', '').trim()));

const isFocused = (page: Page, name: string) =>
  page.getByRole('textbox', { name, exact: true }).evaluate((el) => el === document.activeElement);

describe('the chip input', () => {
  it('turns Enter, a comma and 、 into chips, skips repeats, takes the last back, and saves what is typed', async () => {
    const { page } = await newMember(browser, 'ja', {
      role: 'alumni',
      familyName: '小林',
      givenName: '茜',
      tag: 'akane.kobayashi',
    });
    await page.goto('/careers/return');
    const roles = page.getByRole('textbox', { name: '希望する職種・役割', exact: true });
    const chosen = '追加した希望する職種・役割';

    await roles.fill('プロダクトマネージャー');
    await roles.press('Enter');
    await roles.pressSequentially('Product manager,'); // the comma key ends the term
    await page.keyboard.type('事業開発、'); // 、 arrives as text, not as a key press of its own
    // While the IME converts, its 、 is not a separator yet; once confirmed, it ends the term.
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'ぎじゅつ、', selectionStart: 5, selectionEnd: 5 });
    expect(await roles.inputValue()).toBe('ぎじゅつ、');
    await expect.poll(() => chips(page, chosen)).toHaveLength(3);
    await ime.send('Input.insertText', { text: '技術、' });
    await expect
      .poll(() => chips(page, chosen))
      .toEqual(['プロダクトマネージャー', 'Product manager', '事業開発', '技術']);
    await roles.press('Backspace');
    await roles.fill('');
    await expect
      .poll(() => chips(page, chosen))
      .toEqual(['プロダクトマネージャー', 'Product manager', '事業開発']);
    expect(await roles.inputValue()).toBe('');

    // A repeat that differs only in case and width is not added again.
    await roles.fill('ｐｒｏｄｕｃｔ MANAGER');
    await page.getByRole('button', { name: '「希望する職種・役割」に追加', exact: true }).click();
    await expect.poll(() => chips(page, chosen)).toHaveLength(3);
    expect(await roles.inputValue()).toBe('');

    // Backspace in the empty box takes the last chip back for editing.
    await roles.press('Backspace');
    expect(await roles.inputValue()).toBe('事業開発');
    await expect.poll(() => chips(page, chosen)).toEqual(['プロダクトマネージャー', 'Product manager']);
    await roles.fill('事業開発マネージャー');

    // Each chip has its own remove button; the focus stays in the field.
    await page.getByRole('button', { name: 'Product manager を削除', exact: true }).click();
    await expect.poll(() => chips(page, chosen)).toEqual(['プロダクトマネージャー']);
    expect(await isFocused(page, '希望する職種・役割')).toBe(true);

    // Text still in the boxes is saved with the chips, and stays on the page as chips.
    await page.getByRole('textbox', { name: '働ける場所', exact: true }).fill('大阪');
    await screenshot(page, 'chip-input-return-ja');
    await page.getByRole('button', { name: '再入社に関心があることを人事に伝える' }).click();
    await page.getByText(/^保存しました。/).waitFor();
    await expect.poll(() => chips(page, chosen)).toEqual(['プロダクトマネージャー', '事業開発マネージャー']);
    await expect.poll(() => chips(page, '追加した働ける場所')).toEqual(['大阪']);
    await page.reload();
    await expect.poll(() => chips(page, chosen)).toEqual(['プロダクトマネージャー', '事業開発マネージャー']);
    await expect.poll(() => chips(page, '追加した働ける場所')).toEqual(['大阪']);

    // Length is checked per entry, not on the box: a pasted list longer than one entry may be
    // becomes chips, and the one entry that is too long stays in the box with a message.
    const long = 'あ'.repeat(101);
    const places = page.getByRole('textbox', { name: '働ける場所', exact: true });
    await places.fill(`東京、${long}、`);
    await expect.poll(() => chips(page, '追加した働ける場所')).toEqual(['大阪', '東京']);
    expect(await places.inputValue()).toBe(long);
    await page.getByText('1項目100文字まで', { exact: false }).waitFor();
    await page.context().close();
  }, 120_000);

  it('on the career proposal, keeps typed text on save and shows an entry’s error under its field', async () => {
    const member = await newMember(browser, 'en', {
      role: 'employee',
      familyName: 'Ishii',
      givenName: 'Ren',
      tag: 'ren.ishii',
    });
    const { body: me } = await call<{ id: string }>(member.page, 'GET', '/me');
    await member.page.context().close();
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const opened = await call<{ id: string }>(hr, 'POST', '/exit-cases', {
      userId: me.id,
      lastDay,
      timeZone: 'Asia/Tokyo',
      reasonCategory: 'career_change',
      managerId: null,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id;
    try {
      await hr.goto(`/exits/${caseId}`);
      const roles = hr.getByRole('textbox', { name: 'Roles outside', exact: true });
      await roles.fill('Product manager, Consultant,'); // pasted with a trailing comma: two chips
      await expect.poll(() => chips(hr, 'Added: Roles outside')).toEqual(['Product manager', 'Consultant']);
      await hr.getByRole('textbox', { name: 'Positions inside', exact: true }).fill('Team lead');
      await hr.getByRole('button', { name: 'Save proposal' }).click();
      await hr.getByText('Proposal saved.').waitFor();
      await expect.poll(() => chips(hr, 'Added: Positions inside')).toEqual(['Team lead']);
      await hr.reload();
      await expect.poll(() => chips(hr, 'Added: Roles outside')).toEqual(['Product manager', 'Consultant']);
      await expect.poll(() => chips(hr, 'Added: Positions inside')).toEqual(['Team lead']);

      // An entry the server refuses (too long) is named in the message under its own field.
      const long = 'Chief '.repeat(15).trim();
      await roles.fill(long);
      await roles.press('Enter');
      await hr.getByRole('button', { name: 'Save proposal' }).click();
      await expect.poll(() => roles.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await roles.getAttribute('aria-describedby')) ?? '';
      const errorList = hr.locator(`[id="${describedBy.split(' ').pop()}"]`);
      expect(await errorList.innerText()).toContain(long);
      await screenshot(hr, 'chip-input-proposal-error-en');
    } finally {
      await call(hr, 'POST', `/exit-cases/${caseId}/cancel`, {});
      await hr.context().close();
    }
  }, 120_000);
});
