import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };
/** The machine is shared: give the page time to answer. */
const SLOW = { timeout: 20_000 };

const LABELS = {
  ja: {
    search: 'グループを検索',
    searchSubmit: '検索',
    tokyo: '東京支部',
    join: '参加する',
    member: '参加中',
    title: 'タイトル（任意）',
    body: '本文',
    submit: '投稿する',
    posted: '投稿しました。',
    kind: '種類',
    audience: '公開範囲',
    news: 'news',
    comment: 'コメントを書く',
    commentSubmit: 'コメントする',
    bell: /^通知 (\d+)件未読$/,
    bellNone: '通知 未読なし',
    notificationsTitle: '通知',
    commented: (title: string) => `さんが「${title}」にコメントしました`,
    notFound: /見つかりません/,
  },
  en: {
    search: 'Search groups',
    searchSubmit: 'Search',
    tokyo: 'Tokyo chapter',
    join: 'Join',
    member: 'You are a member',
    title: 'Title (optional)',
    body: 'Text',
    submit: 'Post',
    posted: 'Posted.',
    kind: 'Kind',
    audience: 'Who can see it',
    news: 'news',
    comment: 'Write a comment',
    commentSubmit: 'Comment',
    bell: /^(\d+) unread notifications?$/,
    bellNone: 'Notifications, none unread',
    notificationsTitle: 'Notifications',
    commented: (title: string) => ` commented on “${title}”`,
    notFound: /not found/i,
  },
} as const;

/** The bell's unread count, read from its accessible name (none unread is 0). */
async function bellCount(page: Page, locale: 'ja' | 'en'): Promise<number> {
  const l = LABELS[locale];
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  if (label === l.bellNone) return 0;
  const match = l.bell.exec(label);
  return match ? Number(match[1]) : Number.NaN;
}

/** Opens the Tokyo chapter from /groups (search, then its link) and joins it. */
async function joinTokyo(page: Page, locale: 'ja' | 'en') {
  const l = LABELS[locale];
  await page.goto('/groups');
  await page.getByRole('searchbox', { name: l.search }).fill(l.tokyo);
  await page.getByRole('button', { name: l.searchSubmit }).click();
  await page.getByRole('link', { name: l.tokyo, exact: true }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: l.tokyo }).waitFor();
  await page.getByTestId('membership').getByRole('button', { name: l.join, exact: true }).click();
  await page.getByTestId('membership').getByText(l.member).waitFor();
  return new URL(page.url()).pathname;
}

describe('the community, end to end', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`an alumnus joins a chapter and posts, a member comments, the bell tells; internal posts stay inside (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `c${locale}${Date.now().toString(36)}`;

      // A fresh alumnus joins the Tokyo chapter from /groups and posts an insight in its feed.
      const { page: author } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: '小林',
        givenName: '真央',
        tag: `community-a-${locale}`,
      });
      const chapterPath = await joinTokyo(author, locale);
      const title = `Tokyo meetup ${tag}`;
      const composer = author.getByTestId('composer');
      await composer.getByLabel(l.title, { exact: true }).fill(title);
      await composer.getByLabel(l.body, { exact: true }).fill(`来月、東京で集まりませんか？ #meetup${tag}`);
      await composer.getByRole('button', { name: l.submit }).click();
      await composer.getByText(l.posted).waitFor();
      const card = author.getByTestId('post-card').filter({ hasText: title });
      await card.waitFor();
      await screenshot(author, `community-chapter-${locale}`);
      await card.getByRole('link', { name: title }).click();
      await author.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
      const postPath = new URL(author.url()).pathname;
      await expect.poll(() => bellCount(author, locale), SLOW).not.toBeNaN();
      const unreadBefore = await bellCount(author, locale);

      // A second member of the chapter comments on it in the browser.
      const { page: commenter } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: '高橋',
        givenName: '蓮',
        tag: `community-b-${locale}`,
      });
      expect(await joinTokyo(commenter, locale)).toBe(chapterPath);
      await commenter
        .getByTestId('post-card')
        .filter({ hasText: title })
        .getByRole('link', { name: title })
        .click();
      await commenter.waitForURL((url) => url.pathname === postPath);
      const commentText = `ぜひ参加したいです ${tag}`;
      await commenter.getByLabel(l.comment).fill(commentText);
      await commenter.getByRole('button', { name: l.commentSubmit, exact: true }).click();
      await expect.poll(() => commenter.getByText(commentText).isVisible(), SLOW).toBe(true);
      await screenshot(commenter, `community-comment-${locale}`);
      await commenter.context().close();

      // The author, on a phone: the bell's count rose; the notification leads to the comment.
      await author.setViewportSize(PHONE);
      await author.goto('/');
      await expect.poll(() => bellCount(author, locale), SLOW).toBeGreaterThan(unreadBefore);
      await author.getByTestId('notification-bell').click();
      await author.waitForURL(/\/notifications$/);
      await author.getByRole('heading', { level: 1, name: l.notificationsTitle }).waitFor();
      const notification = author.getByTestId('notification').filter({ hasText: l.commented(title) });
      await notification.waitFor();
      await screenshot(author, `community-notifications-${locale}-390`);
      await notification.getByRole('link').first().click();
      await author.waitForURL((url) => url.pathname === postPath);
      await expect.poll(() => author.getByText(commentText).isVisible(), SLOW).toBe(true);
      await screenshot(author, `community-post-${locale}-390`);
      await author.setViewportSize({ width: 1280, height: 860 });

      // HR posts an internal company post (employees only).
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.goto('/feed');
      const hrComposer = hr.getByTestId('composer');
      await hrComposer.getByLabel(l.kind).selectOption('news');
      await hrComposer.getByLabel(l.audience).selectOption('employees');
      const internalTitle = `Internal roadmap ${tag}`;
      const internalTopic = `roadmap${tag}`;
      await hrComposer.getByLabel(l.title, { exact: true }).fill(internalTitle);
      await hrComposer.getByLabel(l.body, { exact: true }).fill(`社内限定の計画です。 #${internalTopic}`);
      await hrComposer.getByRole('button', { name: l.submit }).click();
      await hrComposer.getByText(l.posted).waitFor();
      await hr
        .getByTestId('post-card')
        .filter({ hasText: internalTitle })
        .getByRole('link', { name: internalTitle })
        .click();
      await hr.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
      const internalPath = new URL(hr.url()).pathname;
      await hr
        .getByRole('link', { name: `#${internalTopic}` })
        .first()
        .waitFor();
      await hr.context().close();

      // The alumnus: not found at its URL, not in the feed, not under its topic, not by search.
      await author.goto(internalPath);
      await author.getByText(l.notFound).first().waitFor();
      expect(await author.getByText(internalTitle).count()).toBe(0);
      await screenshot(author, `community-internal-not-found-${locale}`);
      await author.goto('/feed');
      await author.getByTestId('post-card').first().waitFor();
      expect(await author.getByTestId('post-card').filter({ hasText: title }).count()).toBeGreaterThan(0);
      expect(await author.getByText(internalTitle).count()).toBe(0);
      await author.goto(`/topics/${internalTopic}`);
      await author.waitForLoadState('networkidle');
      expect(await author.getByText(internalTitle).count()).toBe(0);
      const found = await author.evaluate(
        async ({ q, topic }) => {
          const search = await (await fetch(`/api/posts?q=${encodeURIComponent(q)}`)).json();
          const byTopic = await fetch(`/api/topics/${encodeURIComponent(topic)}`);
          const topicItems = byTopic.ok ? ((await byTopic.json()).items ?? []) : [];
          return { search: (search.items ?? []).length as number, topic: topicItems.length as number };
        },
        { q: internalTitle, topic: internalTopic },
      );
      expect(found).toEqual({ search: 0, topic: 0 });
      // The same search does find what the alumnus may see (so the search itself works).
      const own = await author.evaluate(
        async (q) =>
          ((await (await fetch(`/api/posts?q=${encodeURIComponent(q)}`)).json()).items ?? []).length,
        title,
      );
      expect(own).toBe(1);
      await author.context().close();
    });
  }
});
