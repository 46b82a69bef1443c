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

/** A JSON call from the page (same origin, the member's session): its status and body. */
const callApi = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    { method, path, body },
  );

/** Makes two members connections through the API (a request and its acceptance). */
async function connect(from: { page: Page }, to: { page: Page; id: string }) {
  const sent = await callApi(from.page, 'POST', '/api/connections/requests', { toId: to.id });
  expect(sent.status).toBe(201);
  const accepted = await callApi(to.page, 'POST', `/api/connections/requests/${sent.json.id}/accept`);
  expect(accepted.status).toBe(200);
}

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

  it('a member blocks another, who can then neither find them, open their profile, nor write to them', async () => {
    const l = LABELS.en;
    const tag = `blk${Date.now().toString(36)}`;
    const blocker = await listedMember('en', '上田', `Haru${tag}`, 'conn-blocker');
    const blocked = await listedMember('en', '岡本', `Mio${tag}`, 'conn-blocked');

    // Before: connections, so the other may write; they find the blocker and start a conversation.
    await connect(blocker, blocked);
    await blocked.page.goto(`/directory?q=Haru${tag}`);
    await blocked.page.getByRole('article').first().waitFor();
    await blocked.page.goto(`/messages/new?to=${blocker.id}`);
    await blocked.page.getByRole('main').getByLabel('Message', { exact: true }).fill(`Hello ${tag}`);
    await blocked.page.getByRole('button', { name: 'Send' }).click();
    await blocked.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationId = new URL(blocked.page.url()).pathname.split('/').at(-1) ?? '';
    await blocked.page.getByText(`Hello ${tag}`).waitFor();

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

    // Nor write: the conversation is gone for them (page and API), and a new one is refused as if
    // the blocker did not exist (404, the block is never revealed).
    await blocked.page.goto(`/messages/${conversationId}`);
    await blocked.page.getByRole('heading', { level: 1, name: l.notFound }).waitFor();
    expect(await status(blocked.page, `/api/conversations/${conversationId}`)).toBe(404);
    const reply = await callApi(blocked.page, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: `Still there? ${tag}`,
    });
    expect(reply.status).toBe(404);
    const fresh = await callApi(blocked.page, 'POST', '/api/conversations', {
      participantIds: [blocker.id],
      body: `Another try ${tag}`,
    });
    expect(fresh.status).toBe(404);
    await blocked.page.goto('/messages');
    await blocked.page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await expect.poll(() => blocked.page.getByText(`Hello ${tag}`).count()).toBe(0);
    // Nothing they tried reached the blocker.
    await blocker.page.goto('/messages');
    await blocker.page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    expect(await blocker.page.getByText(`Still there? ${tag}`).count()).toBe(0);
    expect(await blocker.page.getByText(`Another try ${tag}`).count()).toBe(0);
    await screenshot(blocked.page, 'connections-blocked-messages-en');
    await blocker.page.context().close();
    await blocked.page.context().close();
  });
});
