import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listedMember as listedMember_, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    nav: '人脈',
    connect: 'つながる',
    note: 'メッセージを添える（任意）',
    send: 'リクエストを送る',
    pending: 'リクエスト送信済み',
    inTab: '届いたリクエスト',
    accept: '承認する',
    connected: 'つながっています',
    more: 'その他',
    block: 'ブロック',
    notFound: 'ページが見つかりません',
    noteText: '支部の集まりでお話ししました。今後ともよろしくお願いします。',
  },
  en: {
    nav: 'People',
    connect: 'Connect',
    note: 'Add a note (optional)',
    send: 'Send request',
    pending: 'Request sent',
    inTab: 'Requests received',
    accept: 'Accept',
    connected: 'Connected',
    more: 'More',
    block: 'Block',
    notFound: 'Page not found',
    noteText: 'We met at the chapter meetup. Great to stay in touch!',
  },
} as const;

const listedMember = (locale: 'ja' | 'en', familyName: string, givenName: string, tag: string) =>
  listedMember_(browser, locale, { familyName, givenName, tag });

const status = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

describe('connections', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`an alumnus sends a request with a note, the other accepts it (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `${locale}${Date.now().toString(36)}`;
      const sender = await listedMember(locale, '青木', `翔${tag}`, `conn-a-${locale}`);
      const receiver = await listedMember(locale, '石田', `凛${tag}`, `conn-b-${locale}`);

      // The sender opens the other's profile and connects with a note.
      await sender.page.goto(`/members/${receiver.id}`);
      await sender.page.getByRole('button', { name: l.connect, exact: true }).click();
      await sender.page.getByLabel(l.note).fill(l.noteText);
      await sender.page.getByRole('button', { name: l.send }).click();
      await sender.page.getByText(l.pending, { exact: true }).waitFor();

      // The receiver sees the badge in the nav, opens People → requests received, reads the note, accepts.
      await receiver.page.setViewportSize({ width: 390, height: 844 });
      await receiver.page.goto('/people/connections?tab=in');
      await receiver.page.getByRole('heading', { level: 1, name: l.nav }).waitFor();
      await receiver.page.getByText(l.noteText).waitFor();
      await screenshot(receiver.page, `connections-request-${locale}-390`);
      await receiver.page.getByRole('button', { name: l.accept, exact: true }).click();
      await receiver.page.getByText(l.noteText).waitFor({ state: 'detached' });

      // Both are connected: the sender's profile view says so.
      await sender.page.reload();
      await sender.page.getByText(l.connected, { exact: true }).waitFor();
      await screenshot(sender.page, `connections-profile-${locale}`);
      await receiver.page.goto('/people/connections');
      await receiver.page.getByRole('link', { name: `青木 翔${tag}` }).waitFor();
      await screenshot(receiver.page, `connections-list-${locale}-390`);
      await sender.page.context().close();
      await receiver.page.context().close();
    });
  }

  it('a member blocks another, who can then neither find them nor open their profile', async () => {
    const l = LABELS.en;
    const tag = `blk${Date.now().toString(36)}`;
    const blocker = await listedMember('en', '上田', `Haru${tag}`, 'conn-blocker');
    const blocked = await listedMember('en', '岡本', `Mio${tag}`, 'conn-blocked');

    // Before: the other finds the blocker in the directory.
    await blocked.page.goto(`/directory?q=Haru${tag}`);
    await blocked.page.getByRole('article').first().waitFor();

    await blocker.page.goto(`/members/${blocked.id}`);
    await blocker.page.locator('summary', { hasText: l.more }).click();
    await blocker.page.getByRole('button', { name: l.block, exact: true }).click();
    await blocker.page.getByRole('button', { name: l.block, exact: true }).click();
    await blocker.page.getByText('You blocked this member.').waitFor();

    // After: not in the directory, and the profile is "not found" (404) for the blocked member.
    await blocked.page.goto(`/directory?q=Haru${tag}`);
    await expect.poll(() => blocked.page.getByRole('article').count()).toBe(0);
    await blocked.page.goto(`/members/${blocker.id}`);
    await blocked.page.getByRole('heading', { level: 1, name: l.notFound }).waitFor();
    expect(await status(blocked.page, `/api/members/${blocker.id}`)).toBe(404);
    expect(await status(blocked.page, `/api/members/${blocker.id}/relation`)).toBe(404);
    await blocker.page.context().close();
    await blocked.page.context().close();
  });
});
