import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAccountLink, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The directory as this member sees it for `q`: the names on the result cards ('' when none). */
async function directoryNames(page: Page, q: string) {
  await page.goto(`/directory?q=${encodeURIComponent(q)}`);
  const cards = page.getByRole('article');
  const empty = page.getByText(/^(No members found|該当するメンバーが見つかりませんでした)$/);
  await expect.poll(async () => (await cards.count()) > 0 || (await empty.count()) > 0).toBe(true);
  return (await cards.allInnerTexts()).join('\n');
}

describe('consent to be listed in the directory', () => {
  it('a member opts out on the privacy page and others stop finding them; opting in brings them back', async () => {
    // The leaver demo login (高橋 直樹) is the subject; the employee login searches.
    const subject = await newPage(browser, 'en');
    await signInAs(subject, 'leaver@kizuna.example', 'en');
    const me = await subject.evaluate(async () => (await fetch('/api/me')).json());
    const other = await newPage(browser, 'en');
    await signInAs(other, 'employee@kizuna.example', 'en');
    expect(await directoryNames(other, '高橋 直樹')).toContain('高橋 直樹');

    try {
      await openAccountLink(subject, 'Privacy & consent');
      await subject.getByRole('heading', { level: 1, name: 'Privacy & consent' }).waitFor();
      const listed = subject.getByRole('switch', { name: 'List me in the member directory' });
      expect(await listed.getAttribute('aria-checked')).toBe('true');
      await listed.click();
      expect(await listed.getAttribute('aria-checked')).toBe('false');
      await subject.getByRole('button', { name: 'Save changes' }).click();
      await subject.getByText('Your choices have been saved.').waitFor();
      await subject.getByText('You are not listed in the member directory').waitFor();
      // The newest answer heads the history: directory, no, on this page.
      const history = subject.getByRole('table', { name: 'History of your answers' });
      await expect
        .poll(() => history.getByRole('row').nth(1).innerText())
        .toMatch(/List me in the member directory\s+No\s+This page/);
      await screenshot(subject, 'consent-settings-en');

      expect(await directoryNames(other, '高橋 直樹')).not.toContain('高橋 直樹');
      await other.goto(`/members/${me.id}`);
      await other.getByRole('heading', { name: 'Page not found' }).waitFor();

      await openAccountLink(subject, 'Privacy & consent');
      await listed.click();
      await subject.getByRole('button', { name: 'Save changes' }).click();
      await subject.getByText('Your choices have been saved.').waitFor();
      expect(await directoryNames(other, '高橋 直樹')).toContain('高橋 直樹');

      // The same page in Japanese, and on a phone.
      await openAccountLink(subject, 'Privacy & consent');
      await subject.getByRole('button', { name: '日本語' }).click();
      await subject.getByRole('heading', { level: 1, name: 'プライバシーと同意' }).waitFor();
      await subject.getByRole('switch', { name: 'メンバー検索に掲載する' }).waitFor();
      await screenshot(subject, 'consent-settings-ja');
      await subject.setViewportSize({ width: 390, height: 844 });
      await screenshot(subject, 'consent-settings-mobile-ja');
    } finally {
      // Leave the shared demo data as other journeys expect it, even if a step above failed.
      await subject.evaluate(async () => {
        const mine = await (await fetch('/api/me/consents')).json();
        const consents = Object.fromEntries(
          mine.purposes.map((p: { purpose: string; granted: boolean }) => [
            p.purpose,
            p.purpose === 'directory' ? true : p.granted,
          ]),
        );
        await fetch('/api/me/consents', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ textVersion: mine.textVersion, consents }),
        });
      });
      await subject.context().close();
      await other.context().close();
    }
  });
});

describe('the consent step at first sign-in', () => {
  // One HR session invites every new member here (sign-ins are rate limited per address).
  let hr: Page;
  beforeAll(async () => {
    hr = await newPage(browser, 'ja');
    await signInAs(hr, 'hr@kizuna.example', 'ja');
  });
  afterAll(() => hr.context().close());

  /** Invites through the API as HR; returns the path of the acceptance page. */
  async function invite(invitee: Record<string, string>): Promise<string> {
    const result = await hr.evaluate(async (body) => {
      const res = await fetch('/api/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    }, invitee);
    expect(result.status).toBe(201);
    return new URL(result.body.acceptUrl).pathname;
  }

  it('asks a new member before anything else, with nothing switched on (Japanese)', async () => {
    const acceptPath = await invite({
      email: `consent.${Date.now()}@example.com`,
      role: 'alumni',
      locale: 'ja',
      familyName: '森',
      givenName: '結衣',
      familyNameKana: 'もり',
      givenNameKana: 'ゆい',
    });
    const invitee = await newPage(browser, 'ja');
    await invitee.goto(acceptPath);
    await invitee.getByLabel('パスワード', { exact: true }).fill('a very good passphrase');
    await invitee.getByLabel('パスワード（確認）', { exact: true }).fill('a very good passphrase');
    await invitee.getByRole('button', { name: 'パスワードを設定' }).click();
    await invitee.waitForURL(/\/welcome/);
    await invitee.getByRole('heading', { level: 1, name: '森 結衣さん、ようこそ' }).waitFor();
    const switches = invitee.getByRole('switch');
    expect(await switches.count()).toBe(5);
    expect(await switches.evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')))).toEqual(
      Array(5).fill('false'),
    );
    // Any other page waits until the member has answered.
    await invitee.goto('/directory');
    await invitee.waitForURL(/\/welcome\?next=%2Fdirectory/);
    await screenshot(invitee, 'consent-welcome-ja');

    await invitee.getByRole('switch', { name: 'メンバー検索に掲載する' }).click();
    await invitee.getByRole('switch', { name: 'イベントの案内を受け取る' }).click();
    await invitee.getByTestId('consents-submit').click();
    await invitee.waitForURL(/\/directory$/);
    const mine = await invitee.evaluate(async () => (await fetch('/api/me/consents')).json());
    expect(
      mine.purposes.filter((p: { granted: boolean }) => p.granted).map((p: { purpose: string }) => p.purpose),
    ).toEqual(['directory', 'events']);
    expect(mine.history.map((e: { source: string }) => e.source)).toEqual(Array(5).fill('first_sign_in'));
    expect(mine.history[0].locale).toBe('ja');
    expect(await directoryNames(invitee, '森 結衣')).toContain('森 結衣');
    await invitee.context().close();
  });

  it('saying no to everything is fine: on to the profile editor, just not listed (English)', async () => {
    const acceptPath = await invite({
      email: `consent.en.${Date.now()}@example.com`,
      role: 'employee',
      locale: 'en',
      familyName: 'Brown',
      givenName: 'Olivia',
    });
    const invitee = await newPage(browser, 'en');
    await invitee.goto(acceptPath);
    await invitee.getByLabel('Password', { exact: true }).fill('a very good passphrase');
    await invitee.getByLabel('Confirm password', { exact: true }).fill('a very good passphrase');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await invitee.waitForURL(/\/welcome/);
    await invitee.getByRole('heading', { level: 1, name: 'Welcome, Olivia Brown' }).waitFor();
    await screenshot(invitee, 'consent-welcome-en');
    await invitee.getByTestId('consents-submit').click();
    // On to where accepting the invitation was going: the profile editor, with its welcome note.
    await invitee.waitForURL(/\/members\/[^/]+\/edit$/);
    await invitee.getByText('Welcome to Kizuna! Complete your profile').waitFor();
    const me = await invitee.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.consentsReviewedAt).not.toBeNull();
    expect(await directoryNames(invitee, 'Olivia Brown')).not.toContain('Olivia Brown');
    await invitee.context().close();
  });
});
