import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAUNCH_POST_ID } from '#server/demo/posts';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

// Issue 11's review findings, as a member and HR see them: reaction buttons named in words, group
// member lists that name only members listed in the directory, and the one member picker.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const SLOW = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };
const L = {
  ja: {
    reactions: ['いいね', 'おめでとう', '参考になる', '応援', '気になる'],
    others: /^ほか\d+人（名簿に掲載していないメンバー）$/,
    membersTab: 'メンバー',
    picker: '任命する社員',
    search: '名前でメンバーを検索',
    appoint: '任命する',
    remove: /さんを外す$/,
  },
  en: {
    reactions: ['Like', 'Celebrate', 'Insightful', 'Support', 'Curious'],
    others: /^and \d+ other members? not listed in the directory$/,
    membersTab: 'Members',
    picker: 'Employee to appoint',
    search: 'Search members by name',
    appoint: 'Appoint',
    remove: /^Remove /,
  },
} as const;

const apiGet = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => (await (await fetch(p)).json()) as T, path);

for (const locale of ['ja', 'en'] as const) {
  describe(`community polish (${locale})`, () => {
    it('reaction buttons show a text label, an accessible name and aria-pressed at 390×844', async () => {
      const l = L[locale];
      const page = await newPage(browser, locale, PHONE);
      await signInAs(page, 'alumni@kizuna.example', locale);
      await page.goto(`/posts/${DEMO_LAUNCH_POST_ID}`);
      await expect.poll(() => page.getByTestId('reaction-label').count(), SLOW).toBe(5);
      for (const label of l.reactions) {
        const button = page.getByRole('button', { name: new RegExp(`^${label}`) });
        expect(await button.isVisible()).toBe(true);
        expect(await button.getByTestId('reaction-label').isVisible()).toBe(true);
        expect(await button.getByTestId('reaction-label').textContent()).toBe(label);
        expect(['true', 'false']).toContain(await button.getAttribute('aria-pressed'));
      }
      // One main h1 on the page.
      expect(await page.locator('main h1').count()).toBe(1);
      await page.getByTestId('reaction-label').first().scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `docs/screenshots/polish-reactions-${locale}-390.png`,
      });
      await page.context().close();
    });

    it('a group’s member list names only members listed in the directory and counts the others', async () => {
      const l = L[locale];
      const page = await newPage(browser, locale, PHONE);
      await signInAs(page, 'alumni@kizuna.example', locale);
      await page.goto('/feed');
      const { items } = await apiGet<{ items: { id: string }[] }>(page, '/api/groups?pageSize=50');
      let target: string | null = null;
      for (const g of items) {
        const list = await apiGet<{ others: number }>(page, `/api/groups/${g.id}/members?pageSize=50`);
        if (list.others > 0) {
          target = g.id;
          break;
        }
      }
      expect(target, 'a demo group with members not listed in the directory').not.toBeNull();
      await page.goto(`/groups/${target}?tab=members`);
      const others = page.getByTestId('group-member-others');
      await expect.poll(() => others.isVisible(), SLOW).toBe(true);
      expect(await others.textContent()).toMatch(l.others);
      expect(await page.locator('main h1').count()).toBe(1);
      await screenshot(page, `polish-group-members-${locale}-390`);
      await page.context().close();
    });

    it('HR appoints a company poster with the member picker, then removes them', async () => {
      const l = L[locale];
      const page = await newPage(browser, locale);
      await signInAs(page, 'hr@kizuna.example', locale);
      await page.goto('/admin/company-posters');
      const posters = await apiGet<{ items: { userId: string }[] }>(page, '/api/admin/company-posters');
      const taken = new Set(posters.items.map((p) => p.userId));
      const { items } = await apiGet<{ items: { id: string; displayName: string }[] }>(
        page,
        '/api/directory?scope=all&role=employee&pageSize=20',
      );
      const employee = items.find((m) => !taken.has(m.id));
      if (!employee) throw new Error('no demo employee to appoint');
      const picker = page.getByRole('group', { name: l.picker });
      await picker.getByLabel(l.search).fill(employee.displayName);
      await picker
        .getByRole('button', { name: new RegExp(employee.displayName) })
        .first()
        .click();
      await expect.poll(() => picker.getByRole('button', { name: l.remove }).count(), SLOW).toBe(1);
      // One at most: the search hides once someone is chosen.
      expect(await picker.getByLabel(l.search).count()).toBe(0);
      await screenshot(page, `polish-posters-picker-${locale}`);
      await page.getByRole('button', { name: l.appoint, exact: true }).click();
      const row = page.getByTestId('posters').getByText(employee.displayName, { exact: true });
      await expect.poll(() => row.isVisible(), SLOW).toBe(true);
      const removed = await page.evaluate(
        async (id) => (await fetch(`/api/admin/company-posters/${id}`, { method: 'DELETE' })).status,
        employee.id,
      );
      expect(removed).toBeLessThan(300);
      await page.context().close();
    });
  });
}
