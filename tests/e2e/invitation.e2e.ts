import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('HR invites a new member', () => {
  it('invites, and the invitee sets a password and is signed in', async () => {
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    await hr.getByRole('link', { name: 'Admin' }).first().click();
    await hr.waitForURL(/\/admin\/members/);
    await screenshot(hr, 'admin-members-en');

    const email = `new.member.${Date.now()}@example.com`;
    await hr.getByLabel('Role', { exact: true }).selectOption('alumni');
    await hr.getByLabel('Family name', { exact: true }).fill('山口');
    await hr.getByLabel('Given name', { exact: true }).fill('さくら');
    await hr.getByLabel('Family name (kana)', { exact: true }).fill('やまぐち');
    await hr.getByLabel('Given name (kana)', { exact: true }).fill('さくら');
    await hr.getByLabel('Email', { exact: true }).fill(email);
    await hr.getByRole('button', { name: 'Invite' }).click();
    const link = hr.getByLabel('Invitation link');
    await link.waitFor();
    const acceptUrl = await link.inputValue();
    expect(acceptUrl).toMatch(/\/invite\/[\w-]+$/);
    await screenshot(hr, 'admin-invited-en');
    await hr.context().close();

    const invitee = await newPage(browser, 'en');
    await invitee.goto(new URL(acceptUrl).pathname);
    await expect.poll(() => invitee.locator('main').innerText()).toContain('山口 さくら');
    await invitee.getByLabel('Password', { exact: true }).fill('short');
    await invitee.getByLabel('Confirm password', { exact: true }).fill('short');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => invitee.getByText('Use at least 12 characters.').count()).toBeGreaterThan(0);
    await screenshot(invitee, 'invitation-accept-en');
    await invitee.getByLabel('Password', { exact: true }).fill('a very good passphrase');
    await invitee.getByLabel('Confirm password', { exact: true }).fill('a very good passphrase');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await invitee.waitForURL((url) => !url.pathname.startsWith('/invite'));
    // First sign-in may ask for consents first (/welcome); answer and go on.
    if (new URL(invitee.url()).pathname === '/welcome') {
      await invitee.getByTestId('consents-submit').click();
      await invitee.waitForURL((url) => url.pathname !== '/welcome');
    }
    const me = await invitee.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email, role: 'alumni' });
    await invitee.context().close();
  });
});
