import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, openAdmin, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    nav: 'グループ',
    propose: 'グループを提案する',
    nameJa: 'グループ名（日本語）',
    nameEn: 'グループ名（英語）',
    descriptionJa: '説明（日本語）',
    submit: '提案を送る',
    pending: /人事部の承認待ち/,
    adminTab: 'グループ',
    note: '提案者へのコメント（任意）',
    approve: '承認する',
    search: 'グループを検索',
    searchSubmit: '検索',
    join: '参加する',
    member: '参加中',
    leave: 'グループを退会',
    notFound: /存在しないか、閲覧する権限がありません/,
    forYou: 'おすすめのグループ',
    tokyo: '東京支部',
    noteText: '素敵な企画です。ぜひ始めてください。',
  },
  en: {
    nav: 'Groups',
    propose: 'Propose a group',
    nameJa: 'Name (Japanese)',
    nameEn: 'Name (English)',
    descriptionJa: 'Description (Japanese)',
    submit: 'Send proposal',
    pending: /waiting for HR’s approval/,
    adminTab: 'Groups',
    note: 'Note to the proposer (optional)',
    approve: 'Approve',
    search: 'Search groups',
    searchSubmit: 'Search',
    join: 'Join',
    member: 'You are a member',
    leave: 'Leave group',
    notFound: /does not exist, or you cannot see it/,
    forYou: 'Groups for you',
    tokyo: 'Tokyo chapter',
    noteText: 'Lovely idea, go ahead.',
  },
} as const;

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await (await fetch(p)).json()) as T, path);
}

describe('groups and chapters', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`an alumnus proposes a group, HR approves it, the alumnus joins a chapter; an internal group stays hidden (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `G${locale.toUpperCase()}${Date.now().toString(36)}`;
      const xss = '<img src=x onerror="window.__xss=1">';
      const { page } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: '森',
        givenName: '葵',
        tag: `groups-${locale}`,
      });

      // The main navigation leads to the groups; the alumnus proposes an interest group.
      await page.getByRole('banner').getByRole('link', { name: l.nav, exact: true }).click();
      await page.waitForURL(/\/groups$/);
      await page.getByRole('link', { name: l.propose }).click();
      await page.waitForURL(/\/groups\/new$/);
      await page.getByLabel(l.nameJa).fill(`写真散歩の会 ${tag}`);
      await page.getByLabel(l.nameEn).fill(`Photo walks ${tag} ${xss}`);
      await page.getByLabel(l.descriptionJa).fill(`週末に街を歩いて写真を撮ります。\n${xss}`);
      await screenshot(page, `groups-propose-${locale}`);
      await page.getByRole('button', { name: l.submit }).click();
      await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
      await page.getByText(l.pending).waitFor();
      const groupId = new URL(page.url()).pathname.split('/').pop() as string;
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

      // HR approves it from the approvals page, with a note.
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await openAdmin(hr, l.adminTab);
      await hr.waitForURL(/\/admin\/groups$/);
      const proposal = hr.getByTestId('group-proposal').filter({ hasText: tag });
      await proposal.waitFor();
      await proposal.getByLabel(l.note).fill(l.noteText);
      await screenshot(hr, `groups-admin-${locale}`);
      await proposal.getByRole('button', { name: l.approve }).click();
      await proposal.waitFor({ state: 'detached' });
      const internal = await apiGet<{ items: { id: string }[] }>(
        hr,
        '/api/groups?q=Alumni%20relations%20working',
      );
      const internalId = internal.items[0]?.id;
      expect(internalId).toBeTruthy();
      await hr.context().close();

      // The alumnus sees the approved group with HR's note.
      await page.reload();
      await page.getByText(l.noteText).waitFor();
      expect(await page.getByText(l.pending).count()).toBe(0);

      // They find the Tokyo chapter by search and join it.
      await page.goto('/groups');
      await page.getByRole('searchbox', { name: l.search }).fill(l.tokyo);
      await page.getByRole('button', { name: l.searchSubmit }).click();
      await page.getByRole('link', { name: l.tokyo, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: l.tokyo }).waitFor();
      const before = await page.getByTestId('member-count').innerText();
      await page.getByTestId('membership').getByRole('button', { name: l.join, exact: true }).click();
      await page.getByTestId('membership').getByText(l.member).waitFor();
      expect(await page.getByTestId('member-count').innerText()).not.toBe(before);
      await page.getByTestId('membership').getByRole('button', { name: l.leave }).waitFor();
      await screenshot(page, `groups-chapter-${locale}`);

      // "My groups" on a phone: both of the member's groups.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/groups?tab=mine');
      await page.getByRole('link', { name: l.tokyo, exact: true }).waitFor();
      await page.getByTestId('group-card').filter({ hasText: tag }).waitFor();
      await screenshot(page, `groups-mine-${locale}-390`);
      await page.setViewportSize({ width: 1280, height: 860 });

      // An internal group never reaches an alumnus: not by URL, not in search.
      await page.goto(`/groups/${internalId}`);
      await page.getByText(l.notFound).waitFor();
      const search = await apiGet<{ total: number }>(page, '/api/groups?q=Alumni%20relations');
      expect(search.total).toBe(0);
      const forYou = await apiGet<{ items: { group: { id: string } }[] }>(
        page,
        '/api/groups/for-you?limit=20',
      );
      expect(forYou.items.map((i) => i.group.id)).not.toContain(internalId);
      expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
      await page.context().close();
    });
  }
});
