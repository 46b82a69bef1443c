import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

/**
 * Decision 027: an admin names the organisation (ja/en) and uploads its logo; signed-out pages,
 * the header and the referral consent page show them. HR opening an admin-only page is told
 * "admins only"; the outbox opens a message beside the list (at the top on a phone).
 */
let browser: Browser;
const open: Page[] = [];
const DEMO = { nameJa: '株式会社絆デモ', nameEn: 'Kizuna Demo Inc.' };
const NAMES = { nameJa: '株式会社絆テスト商事', nameEn: 'Kizuna Test Trading Co.' };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // The other journeys share this server: the demo names come back.
  const admin = await newPage(browser, 'en');
  await signInAs(admin, 'admin@kizuna.example', 'en');
  await admin.evaluate(async (names) => {
    await fetch('/api/branding', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(names),
    });
  }, DEMO);
  open.push(admin);
  for (const page of open) await page.context().close();
  await browser.close();
});

async function page(locale: 'ja' | 'en', viewport?: { width: number; height: number }) {
  const p = await newPage(browser, locale, viewport);
  open.push(p);
  return p;
}

/** A 600×300 JPEG logo: a photo-like upload the server turns into a PNG of at most 512 px. */
const logoJpeg = () =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="600" height="300" rx="40" fill="#0f766e"/><circle cx="230" cy="150" r="90" fill="none" stroke="#fff" stroke-width="28"/><circle cx="370" cy="150" r="90" fill="none" stroke="#fde68a" stroke-width="28"/></svg>`,
    ),
  )
    .flatten({ background: '#ffffff' }) // JPEG has no transparency: white behind the rounded corners
    .jpeg()
    .toBuffer();

describe('organisation branding', () => {
  it('an admin sets the names and the logo; signed-out pages and the header show them', async () => {
    const admin = await page('en');
    await signInAs(admin, 'admin@kizuna.example', 'en');
    await openAdmin(admin, 'Name & logo');
    await admin.getByRole('heading', { level: 1, name: 'Organisation name and logo' }).waitFor();

    // Checked in the browser with the server's schema: an empty name fails before any request.
    await admin.getByLabel('Name in Japanese').fill(' ');
    await admin.getByLabel('Name in English').fill(NAMES.nameEn);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.locator('#branding-names').getByText('Required.').waitFor();

    await admin.getByLabel('Name in Japanese').fill(NAMES.nameJa);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Saved.').waitFor();

    // An SVG is refused with the reason; a JPEG becomes the logo.
    await admin.getByLabel('Choose an image').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await admin.getByRole('button', { name: 'Upload' }).click();
    await admin.getByText('Choose a PNG, JPEG or WebP image (SVG is not accepted).').waitFor();
    await admin.getByLabel('Choose an image').setInputFiles({
      name: 'logo.jpg',
      mimeType: 'image/jpeg',
      buffer: await logoJpeg(),
    });
    await admin.getByRole('button', { name: 'Upload' }).click();
    await admin.getByText('The logo has been updated.').waitFor();
    await admin.getByRole('img', { name: 'Current logo' }).waitFor();

    // The header: small logo and the name in the UI language, next to the product name.
    const badge = admin.getByRole('banner').getByTestId('org-badge');
    await expect.poll(() => badge.innerText()).toBe(NAMES.nameEn);
    expect(await badge.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
    await screenshot(admin, 'branding-settings-en');

    // Signed out: the sign-in page in both languages.
    for (const locale of ['ja', 'en'] as const) {
      const visitor = await page(locale);
      await visitor.goto('/login');
      const identity = visitor.getByTestId('org-identity');
      await expect.poll(() => identity.innerText()).toBe(locale === 'ja' ? NAMES.nameJa : NAMES.nameEn);
      await expect
        .poll(() => identity.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(512);
      await expect
        .poll(() => visitor.getByRole('banner').getByTestId('org-badge').innerText())
        .toBe(locale === 'ja' ? NAMES.nameJa : NAMES.nameEn);
      await screenshot(visitor, `branding-login-${locale}`);
    }
    const phone = await page('ja', PHONE);
    await phone.goto('/login');
    await expect.poll(() => phone.getByTestId('org-identity').innerText()).toBe(NAMES.nameJa);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'branding-login-phone-ja');
  }, 180_000);

  it('the outbox opens the referral consent email beside the list; the candidate’s page names the company', async () => {
    const hr = await page('ja');
    await signInAs(hr, 'hr@kizuna.example', 'ja');
    await openAdmin(hr, '送信メール');
    await hr.getByLabel('宛先または件名').fill('misaki.nakamura@example.com');
    await hr.getByRole('button', { name: '検索', exact: true }).click();
    await hr.waitForURL(/[?&]q=/);
    const list = hr.getByRole('group', { name: '送信済み・送信待ちのメール' });
    // The demo referral's consent request, signed with the demo organisation's name.
    const row = list.getByRole('row').filter({ hasText: `【${DEMO.nameJa}】` });
    await row.first().waitFor();
    await row.first().getByRole('button').click();

    const message = hr.locator('#outbox-message');
    await message.waitFor();
    // Focus moves to the message, which sits beside the list, not below it.
    await expect.poll(() => hr.evaluate(() => document.activeElement?.id)).toBe('outbox-message-title');
    const [listBox, messageBox] = [await list.boundingBox(), await message.boundingBox()];
    expect(messageBox && listBox && messageBox.x > listBox.x + listBox.width - 1).toBe(true);
    expect(messageBox && listBox && messageBox.y < listBox.y + listBox.height / 2).toBe(true);
    // The seeded message goes out through the local catcher within a minute of start (mail.sweep);
    // only then does the outbox show it whole (decision 021).
    await expect
      .poll(
        async () => {
          if ((await message.innerText()).includes('/referral-consent#')) return true;
          await hr.reload();
          await message.waitFor();
          return false;
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(true);
    // Signed with the organisation's name (the demo's, set when the message was queued).
    expect(await message.innerText()).toContain(`${DEMO.nameJa}\nアルムナイネットワーク「Kizuna」`);
    const link = message.getByRole('link', { name: /\/referral-consent#/ });
    const consentUrl = new URL((await link.getAttribute('href')) as string);
    await screenshot(hr, 'branding-outbox-ja');

    // Escape closes it and puts the keyboard back on the row.
    await hr.keyboard.press('Escape');
    await message.waitFor({ state: 'detached' });
    await expect
      .poll(() => hr.evaluate(() => document.activeElement?.getAttribute('data-outbox-row')))
      .toBeTruthy();

    // On a phone the message opens at the top, above the list.
    const phone = await page('ja', PHONE);
    await signInAs(phone, 'hr@kizuna.example', 'ja');
    await phone.goto(hr.url().replace(/^https?:\/\/[^/]+/, ''));
    const phoneList = phone.getByRole('group', { name: '送信済み・送信待ちのメール' });
    await phoneList
      .getByRole('row')
      .filter({ hasText: `【${DEMO.nameJa}】` })
      .first()
      .getByRole('button')
      .click();
    const phoneMessage = phone.locator('#outbox-message');
    await phoneMessage.waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('outbox-message-title');
    const [pl, pm] = [await phoneList.boundingBox(), await phoneMessage.boundingBox()];
    expect(pm && pl && pm.y < pl.y).toBe(true);
    // The list keeps its own sideways scroll; the page itself does not scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'branding-outbox-phone-ja');

    // The candidate (signed out) opens the link: the page says which company this is, in ja and en.
    for (const locale of ['ja', 'en'] as const) {
      const candidate = await page(locale);
      await candidate.goto(`${consentUrl.pathname}${consentUrl.hash}`);
      const name = locale === 'ja' ? NAMES.nameJa : NAMES.nameEn;
      await expect.poll(() => candidate.getByTestId('org-identity').innerText()).toBe(name);
      await expect
        .poll(() => candidate.locator('main').innerText())
        .toContain(locale === 'ja' ? `${NAMES.nameJa}のポジション` : `at ${NAMES.nameEn}`);
      await screenshot(candidate, `branding-referral-consent-${locale}`);
    }
  }, 180_000);

  it('HR opening an admin-only page is told it is for admins; the API still answers 404', async () => {
    for (const locale of ['ja', 'en'] as const) {
      const hr = await page(locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      for (const path of ['/admin/settings/retention', '/admin/settings/branding']) {
        await hr.goto(path);
        await hr
          .getByRole('heading', {
            level: 1,
            name: locale === 'ja' ? '管理者専用のページです' : 'For admins only',
          })
          .waitFor();
      }
      expect(await hr.evaluate(async () => (await fetch('/api/settings/retention')).status)).toBe(404);
      expect(
        await hr
          .getByTestId('admin-nav')
          .getByRole('link', { name: /Retention|保存期間/ })
          .count(),
      ).toBe(0);
      await screenshot(hr, `branding-admins-only-${locale}`);
    }
    // Not HR at all: still the plain 404 page.
    const alumnus = await page('en');
    await signInAs(alumnus, 'alumni@kizuna.example', 'en');
    await alumnus.goto('/admin/settings/retention');
    await alumnus.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  }, 180_000);
});
