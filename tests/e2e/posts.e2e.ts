import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    kind: '種類',
    audience: '公開範囲',
    title: 'タイトル（任意）',
    body: '本文',
    submit: '投稿する',
    preview: 'プレビュー',
    news: 'お知らせ',
    employees: '社員のみ（社内限定）',
    everyone: 'アルムナイと社員',
    posted: '投稿しました。',
    notFound: /見つかりません/,
  },
  en: {
    kind: 'Kind',
    audience: 'Who can see it',
    title: 'Title (optional)',
    body: 'Text',
    submit: 'Post',
    preview: 'Preview',
    news: 'News',
    employees: 'Employees only (internal)',
    everyone: 'Alumni and employees',
    posted: 'Posted.',
    notFound: /not found/i,
  },
} as const;

describe.each(['ja', 'en'] as const)('posts and the feed (%s)', (locale) => {
  const l = LABELS[locale];
  const tag = `${locale}${Date.now().toString(36)}`;

  it('HR posts news for everyone and an internal post; an alumna sees the news, never the internal one', async () => {
    const hr = await newPage(browser, locale);
    await signInAs(hr, 'hr@kizuna.example', locale);
    await hr.goto('/feed');
    const composer = hr.getByTestId('composer');
    await composer.getByLabel(l.kind).selectOption('news');

    await composer.getByLabel(l.title, { exact: true }).fill(`Open day ${tag} <script>alert(1)</script>`);
    await composer.getByLabel(l.body, { exact: true }).fill(`**Welcome** to our open day #openday${tag}`);
    await composer.getByRole('tab', { name: l.preview }).click();
    await expect.poll(() => composer.getByTestId('composer-preview').locator('strong').count()).toBe(1);
    await composer.getByRole('button', { name: l.submit }).click();
    await composer.getByText(l.posted).waitFor();

    await composer.getByLabel(l.kind).selectOption('news');
    await composer.getByLabel(l.audience).selectOption('employees');
    await composer.getByLabel(l.title, { exact: true }).fill(`Internal plan ${tag}`);
    await composer.getByLabel(l.body, { exact: true }).fill('社内限定の計画です。');
    await composer.getByRole('button', { name: l.submit }).click();
    await composer.getByText(l.posted).waitFor();
    const internalCard = hr.getByTestId('post-card').filter({ hasText: `Internal plan ${tag}` });
    await internalCard.getByRole('link', { name: `Internal plan ${tag}` }).click();
    await hr.waitForURL(/\/posts\/[0-9a-f-]+$/);
    const internalUrl = new URL(hr.url()).pathname;
    await hr.getByText(l.employees).first().waitFor();
    await screenshot(hr, `posts-hr-internal-${locale}`);

    const alumna = await newPage(browser, locale);
    await signInAs(alumna, 'alumni@kizuna.example', locale);
    await alumna.goto('/feed');
    const news = alumna.getByTestId('post-card').filter({ hasText: `Open day ${tag}` });
    await news.waitFor();
    // The title is text, never markup.
    expect(await news.locator('script').count()).toBe(0);
    expect(await alumna.getByText(`Internal plan ${tag}`).count()).toBe(0);
    await screenshot(alumna, `posts-feed-${locale}`);
    await news
      .getByRole('link', { name: `#openday${tag}` })
      .first()
      .click();
    await alumna.waitForURL(/\/topics\//);
    await alumna.getByText(`Open day ${tag}`).first().waitFor();

    await alumna.goto(internalUrl);
    await alumna.getByText(l.notFound).first().waitFor();
    expect(await alumna.getByText(`Internal plan ${tag}`).count()).toBe(0);

    const phone = await newPage(browser, locale, { width: 390, height: 844 });
    await signInAs(phone, 'alumni@kizuna.example', locale);
    await phone.goto('/feed');
    await phone.getByTestId('post-card').first().waitFor();
    await screenshot(phone, `posts-feed-phone-${locale}`);
    await Promise.all([hr.context().close(), alumna.context().close(), phone.context().close()]);
  });
});
