import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  screenshot as fullPageShot,
  launchBrowser,
  newPage,
  openAdmin,
  SCREENSHOTS,
  signInAs,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** Full-page screenshot from the top (the sticky header would otherwise sit mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

/** Another helper adds a first-sign-in consent step; answer it if it appears. */
async function passWelcome(page: Page) {
  await page.waitForURL((url) => !url.pathname.startsWith('/invite'));
  if (new URL(page.url()).pathname === '/welcome') {
    await page.getByTestId('consents-submit').click();
    await page.waitForURL((url) => url.pathname !== '/welcome');
  }
}

describe('invitation by email, through the local mail catcher', () => {
  it('HR invites, sees the delivery, reads the email in the outbox; the invitee follows the emailed link', async () => {
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    await hr.getByRole('link', { name: 'Admin' }).first().click();
    await hr.waitForURL(/\/admin\/members/);

    const stamp = Date.now();
    const email = `mail.journey.${stamp}@example.com`;
    const invite = async (address: string, family: string, given: string, kana: [string, string]) => {
      await hr.getByLabel('Role', { exact: true }).selectOption('alumni');
      await hr.getByLabel('Language', { exact: true }).selectOption('ja');
      await hr.getByLabel('Family name', { exact: true }).fill(family);
      await hr.getByLabel('Given name', { exact: true }).fill(given);
      await hr.getByLabel('Family name (kana)', { exact: true }).fill(kana[0]);
      await hr.getByLabel('Given name (kana)', { exact: true }).fill(kana[1]);
      await hr.getByLabel('Email', { exact: true }).fill(address);
      await hr.getByRole('button', { name: 'Invite', exact: true }).click();
      await hr.getByLabel('Invitation link').waitFor();
    };
    await invite(email, '中村', '葵', ['なかむら', 'あおい']);
    await invite(`moved.${stamp}@bounce.invalid`, '小林', '翔', ['こばやし', 'しょう']);

    // The list shows how each email went, refreshed while delivery is under way.
    const invitations = hr.getByRole('region', { name: 'Recent invitations' });
    const row = (address: string) => invitations.getByRole('row').filter({ hasText: address });
    await expect.poll(() => row(email).innerText(), { timeout: 20_000 }).toContain('Sent');
    await expect
      .poll(() => row(`moved.${stamp}@bounce.invalid`).innerText(), { timeout: 20_000 })
      .toContain('Bounced');
    expect(await row(`moved.${stamp}@bounce.invalid`).innerText()).toContain('550');
    await hr.getByLabel('Email delivery').selectOption('bounced');
    await expect.poll(() => row(email).count()).toBe(0);
    expect(await row(`moved.${stamp}@bounce.invalid`).count()).toBe(1);
    await hr
      .locator('#admin-invitations')
      .screenshot({ path: `${SCREENSHOTS}/invitation-email-delivery-en.png` });
    await hr.getByLabel('Email delivery').selectOption('');

    // The outbox: the invitation as the mail server received it.
    await hr.getByRole('link', { name: 'Outbox' }).click();
    await hr.waitForURL(/\/admin\/outbox/);
    await hr.getByLabel('Recipient or subject').fill(email);
    await hr.getByRole('button', { name: 'Search' }).click();
    const outboxRows = hr.getByRole('group', { name: 'Sent and queued emails' }).getByRole('row');
    await expect.poll(() => outboxRows.count()).toBe(2); // the header and the one match
    await outboxRows
      .filter({ hasText: email })
      .getByRole('button', { name: 'Kizuna アルムナイネットワークへのご招待' })
      .click();
    const message = hr.locator('#outbox-message');
    await expect.poll(() => message.innerText()).toContain('中村 葵 様');
    expect(await message.innerText()).toContain('日本時間');
    await message.getByText('Raw message as received by the mail server', { exact: false }).click();
    expect(await message.locator('pre').innerText()).toContain(`To: ${email}`);
    await screenshot(hr, 'invitation-email-outbox-en');
    const link = message.getByRole('link', { name: /\/invite\// });
    const acceptUrl = (await link.getAttribute('href')) as string;
    expect(acceptUrl).toMatch(/\/invite\/[\w-]{40,}$/);
    await hr.context().close();

    // The invitee follows the link from the email and sets a password.
    const invitee = await newPage(browser, 'ja');
    await invitee.goto(new URL(acceptUrl).pathname);
    await expect.poll(() => invitee.locator('main').innerText()).toContain('中村 葵');
    await screenshot(invitee, 'invitation-email-accept-ja');
    await invitee.getByLabel('パスワード', { exact: true }).fill('a very good passphrase');
    await invitee.getByLabel('パスワード（確認）', { exact: true }).fill('a very good passphrase');
    await invitee.getByRole('button', { name: 'パスワードを設定' }).click();
    await passWelcome(invitee);
    const me = await invitee.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email, role: 'alumni' });

    // The same link a second time: a clear page that says what to do.
    await invitee.context().clearCookies();
    await invitee.goto(new URL(acceptUrl).pathname);
    await expect.poll(() => invitee.locator('main').innerText()).toContain('人事部');
    await screenshot(invitee, 'invitation-email-used-ja');
    await invitee.context().close();
  });

  it('the outbox in Japanese, for an admin; members cannot open it', async () => {
    const admin = await newPage(browser, 'ja');
    await signInAs(admin, 'admin@kizuna.example', 'ja');
    await openAdmin(admin, '送信メール');
    await admin.waitForURL(/\/admin\/outbox/);
    await expect
      .poll(() => admin.getByRole('group', { name: '送信済み・送信待ちのメール' }).innerText())
      .toContain('招待');
    await admin.getByLabel('状態').selectOption('bounced');
    await expect.poll(() => admin.locator('main').innerText()).toContain('宛先不明');
    await screenshot(admin, 'invitation-email-outbox-ja');
    await admin.goto('/admin/members');
    const table = admin.locator('#admin-invitations');
    await expect.poll(() => table.innerText()).toContain('宛先不明');
    await table.screenshot({ path: `${SCREENSHOTS}/invitation-email-delivery-ja.png` });
    await admin.context().close();

    const alumni = await newPage(browser, 'en');
    await signInAs(alumni, 'alumni@kizuna.example', 'en');
    expect(await alumni.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    const status = await alumni.evaluate(async () => (await fetch('/api/outbox')).status);
    expect(status).toBe(404);
    await alumni.context().close();
  });
});
