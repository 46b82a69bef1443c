import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

/** Profiles worth visiting (issue 12 §5, decision 041): photo with crop, timeline, skills into the directory, view as. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    edit: 'プロフィールを編集',
    choose: '写真を選ぶ',
    zoom: '拡大',
    save: '写真を保存',
    saved: '写真を保存しました。',
    timeline: '経歴',
    later: 'ネクストデータ株式会社',
    skill: 'データ分析',
    directory: 'メンバー検索',
    viewAs: '表示の確認',
    alumniBanner: 'アルムナイから見たあなたのプロフィールです。',
  },
  en: {
    edit: 'Edit profile',
    choose: 'Choose a photo',
    zoom: 'Zoom',
    save: 'Save photo',
    saved: 'Your photo was saved.',
    timeline: 'Timeline',
    later: 'ネクストデータ株式会社',
    skill: 'Data Analysis',
    directory: 'Directory',
    viewAs: 'View as',
    alumniBanner: 'This is your profile as an alumnus sees it.',
  },
} as const;

async function photoFile() {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .composite([
      {
        input: await sharp({
          create: { width: 240, height: 240, channels: 3, background: { r: 240, g: 200, b: 60 } },
        })
          .png()
          .toBuffer(),
        left: 200,
        top: 120,
      },
    ])
    .withExif({ IFD0: { Make: 'SecretCam' } })
    .jpeg()
    .toBuffer();
}

describe('a profile worth visiting', () => {
  for (const locale of ['ja', 'en'] as const) {
    const L = LABELS[locale];
    it(`${locale}: upload a cropped photo, see the timeline, click a skill into the directory, view as an alumnus`, async () => {
      const page = await newPage(browser, locale);
      await signInAs(page, 'alumni@kizuna.example', locale);
      const me = await page.evaluate(
        async () => (await (await fetch('/api/whoami')).json()) as { id: string },
      );

      await page.goto(`/members/${me.id}/edit`);
      await page
        .getByLabel(L.choose)
        .setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await photoFile() });
      await expect.poll(() => page.getByTestId('photo-preview').isVisible()).toBe(true);
      await page.getByLabel(L.zoom).fill('60');
      await page.getByRole('button', { name: L.save }).click();
      await page.getByText(L.saved).waitFor();
      await screenshot(page, `profile-photo-${locale}`);

      await page.goto(`/members/${me.id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('main h1').count()).toBe(1);
      const photo = page.getByTestId('avatar-photo').first();
      await photo.waitFor();
      expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512);
      const timeline = page.locator('#timeline');
      await timeline.getByRole('heading', { name: L.timeline }).waitFor();
      await timeline.getByText(L.later).waitFor();
      await screenshot(page, `profile-${locale}`);

      const mobile = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(mobile, 'alumni@kizuna.example', locale);
      await mobile.goto(`/members/${me.id}`);
      await mobile.locator('#timeline').waitFor();
      await screenshot(mobile, `profile-${locale}-390`);
      await mobile.context().close();

      await page.getByLabel(L.viewAs).selectOption('alumni');
      await page.getByText(L.alumniBanner).waitFor();
      await screenshot(page, `profile-view-as-${locale}`);
      await page.getByLabel(L.viewAs).selectOption('');

      await page
        .getByRole('list', { name: locale === 'ja' ? 'スキル' : 'Skills' })
        .getByRole('link', { name: L.skill })
        .click();
      await page.waitForURL(/\/directory\?skill=Data\+Analysis/);
      await page.getByRole('heading', { level: 1, name: L.directory }).waitFor();
      await page.getByRole('article').first().waitFor();
      await screenshot(page, `profile-skill-directory-${locale}`);
      await page.context().close();
    });
  }
});
