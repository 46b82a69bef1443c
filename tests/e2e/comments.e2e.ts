import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LAUNCH_POST_ID } from '#server/demo/posts';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const L = {
  ja: {
    kitTitle: 'シェアキット',
    readyText: '元同僚たちが',
    createLink: 'シェア用リンクを発行',
    celebrate: /^おめでとう/,
    composer: 'コメントを書く',
    submit: 'コメントする',
    reply: '返信',
    replyLabel: /さんに返信$/,
    submitReply: '返信する',
    edit: '編集',
    editLabel: 'コメントを編集',
    save: '保存',
    delete: '削除',
    deleted: 'このコメントは削除されました。',
    edited: '編集済み',
    stats: 'アルムナイによる拡散状況',
    required: '必須項目です。',
  },
  en: {
    kitTitle: 'Share kit',
    readyText: 'built by my former colleagues',
    createLink: 'Get my share link',
    celebrate: /^Celebrate/,
    composer: 'Write a comment',
    submit: 'Comment',
    reply: 'Reply',
    replyLabel: /^Reply to /,
    submitReply: 'Post reply',
    edit: 'Edit',
    editLabel: 'Edit your comment',
    save: 'Save',
    delete: 'Delete',
    deleted: 'This comment was deleted.',
    edited: 'edited',
    stats: 'How far alumni carried it',
    required: 'Required.',
  },
} as const;

/** The machine is shared: give the page time to answer. */
const SLOW = { timeout: 20_000 };
const PAGE = `/posts/${DEMO_LAUNCH_POST_ID}/share`;

async function countOf(page: Page, name: RegExp) {
  const label = (await page.getByRole('button', { name }).getAttribute('aria-label')) ?? '';
  return Number(label.match(/(\d+)/)?.[1]);
}

for (const locale of ['ja', 'en'] as const) {
  describe(`comments, reactions and the share kit (${locale})`, () => {
    it('an alumna shares a launch, reacts, comments, replies, edits and deletes; HR sees the reach', async () => {
      const l = L[locale];
      const tag = `${locale}-${Date.now().toString(36)}`;
      const page = await newPage(browser, locale);
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`[browser ${locale}] ${m.text()}`);
      });
      page.on('pageerror', (e) => console.log(`[pageerror ${locale}] ${e.message}`));
      await signInAs(page, 'alumni@kizuna.example', locale);
      await page.goto(PAGE);
      await expect.poll(() => page.getByRole('heading', { name: l.kitTitle }).isVisible(), SLOW).toBe(true);
      expect(await page.getByTestId('share-text').textContent()).toContain(l.readyText);

      // The personal link: made once, and a click on it redirects without any session.
      const existing = await page.getByTestId('share-link').count();
      if (existing === 0) await page.getByRole('button', { name: l.createLink }).click();
      const link = (await page.getByTestId('share-link').textContent()) ?? '';
      expect(link).toMatch(/\/s\/[\w-]{16}$/);
      expect(await page.getByTestId('share-text').textContent()).toContain(link);
      const res = await fetch(link, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('https://example.com/kizuna-cloud-2');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await page.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toContain(
        encodeURIComponent(link),
      );

      // A reaction toggles, with its count.
      const celebrate = page.getByRole('button', { name: l.celebrate });
      const wasPressed = (await celebrate.getAttribute('aria-pressed')) === 'true';
      const before = await countOf(page, l.celebrate);
      await celebrate.click();
      await expect
        .poll(() => celebrate.getAttribute('aria-pressed'), SLOW)
        .toBe(wasPressed ? 'false' : 'true');
      expect(await countOf(page, l.celebrate)).toBe(before + (wasPressed ? -1 : 1));

      // An empty comment is refused with a message; a hostile one is rendered harmless.
      await page.getByRole('button', { name: l.submit, exact: true }).click();
      await expect.poll(() => page.getByText(l.required).isVisible(), SLOW).toBe(true);
      const text = `**${tag}** <img src=x onerror="document.title='pwned'"> [x](javascript:alert(1))`;
      await page.getByLabel(l.composer).fill(text);
      await page.getByRole('button', { name: l.submit, exact: true }).click();
      const mine = page.locator('article').filter({ hasText: tag }).first();
      await expect.poll(() => mine.isVisible(), SLOW).toBe(true);
      expect(await mine.locator('strong').textContent()).toBe(tag);
      expect(await mine.locator('img').count()).toBe(0);
      expect(await mine.locator('a[href^="javascript"]').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');

      // A reply under it, then an edit and a delete (a placeholder stays for the reply).
      await mine.getByRole('button', { name: l.reply, exact: true }).click();
      await mine.getByLabel(l.replyLabel).fill(`reply ${tag}`);
      await mine.getByRole('button', { name: l.submitReply, exact: true }).click();
      await expect.poll(() => page.getByText(`reply ${tag}`).isVisible(), SLOW).toBe(true);
      const top = page.locator('article').filter({ hasText: tag }).first();
      await top.getByRole('button', { name: l.edit, exact: true }).first().click();
      await page.getByLabel(l.editLabel).fill(`**${tag}** edited`);
      await page.getByRole('button', { name: l.save, exact: true }).click();
      await expect.poll(() => top.getByText(l.edited).first().isVisible(), SLOW).toBe(true);
      await screenshot(page, `comments-thread-${locale}`);
      page.once('dialog', (dialog) => void dialog.accept());
      await top.getByRole('button', { name: l.delete, exact: true }).first().click();
      await expect.poll(() => page.getByText(l.deleted).first().isVisible(), SLOW).toBe(true);
      expect(await page.getByText(`reply ${tag}`).isVisible()).toBe(true);

      // On a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `comments-share-kit-${locale}-390`);
      await page.context().close();

      // HR sees how far the launch travelled.
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.goto(PAGE);
      await expect.poll(() => hr.getByRole('heading', { name: l.stats }).isVisible(), SLOW).toBe(true);
      const stats = hr.getByRole('region', { name: l.stats });
      expect(Number((await stats.locator('dd').first().textContent())?.replace(/\D/g, ''))).toBeGreaterThan(
        0,
      );
      expect(await stats.locator('ol li').count()).toBeGreaterThan(0);
      await screenshot(hr, `comments-share-stats-${locale}`);
      await hr.context().close();
    });

    it('a share link that does not exist is a 404 page', async () => {
      const res = await fetch(`${inject('baseURL')}/s/nope-nope`, { redirect: 'manual' });
      expect(res.status).toBe(404);
    });
  });
}
