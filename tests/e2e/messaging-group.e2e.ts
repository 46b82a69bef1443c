import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listedMember, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    title: 'メッセージ',
    newGroup: 'グループで話す',
    search: 'つながっているメンバーを名前で検索',
    results: '該当するつながり',
    none: 'この名前のつながりは見つかりませんでした。',
    name: '会話の名前（任意）',
    first: '最初のメッセージ',
    start: '会話を始める',
    atLeastTwo: '2人以上選んでください。',
    remove: (name: string) => `${name}さんを外す`,
    message: 'メッセージ',
    send: '送信',
    leave: '会話から退出',
    groupName: '北海道支部の集まり',
    hello: '来月の集まりの日程を決めましょう。',
    reply: '第2土曜日はいかがでしょう？',
    participants: '参加者 3人：',
  },
  en: {
    title: 'Messages',
    newGroup: 'New group conversation',
    search: 'Search your connections by name',
    results: 'Matching connections',
    none: 'None of your connections has this name.',
    name: 'Conversation name (optional)',
    first: 'First message',
    start: 'Start conversation',
    atLeastTwo: 'Choose at least 2 people.',
    remove: (name: string) => `Remove ${name}`,
    message: 'Message',
    send: 'Send',
    leave: 'Leave conversation',
    groupName: 'Hokkaido chapter meetup',
    hello: 'Shall we fix a date for next month’s meetup?',
    reply: 'How about the second Saturday?',
    participants: '3 people:',
  },
} as const;

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

/** Uploads a drawn PNG as the member's photo, from their own page (a same-origin multipart form). */
async function uploadPhoto(member: { page: Page; id: string }) {
  const status = await member.page.evaluate(async (id) => {
    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 200;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.fillStyle = '#1f6f5c';
    ctx.fillRect(0, 0, 200, 200);
    ctx.fillStyle = '#f5efe0';
    ctx.beginPath();
    ctx.arc(100, 82, 40, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillRect(45, 135, 110, 65);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return 0;
    const form = new FormData();
    form.append('file', blob, 'me.png');
    return (await fetch(`/api/members/${id}/photo`, { method: 'PUT', body: form })).status;
  }, member.id);
  expect(status).toBe(200);
}

/** Types a name into the picker and picks the one connection it finds. */
async function pick(page: Page, l: (typeof LABELS)['ja' | 'en'], query: string, displayName: string) {
  await page.getByLabel(l.search, { exact: true }).fill(query);
  await page.getByRole('list', { name: l.results }).getByRole('button', { name: displayName }).click();
  await page.getByRole('button', { name: l.remove(displayName) }).waitFor();
}

describe('group conversations', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`a member starts a group with two connections; the others see it live, reply, one leaves (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `${locale}${Date.now().toString(36)}`;
      const starter = await listedMember(browser, locale, {
        familyName: '中村',
        givenName: `Aoi${tag}`,
        tag: `grp-a-${locale}`,
      });
      const second = await listedMember(browser, locale, {
        familyName: '小林',
        givenName: `Ren${tag}`,
        tag: `grp-b-${locale}`,
      });
      const third = await listedMember(browser, locale, {
        familyName: '加藤',
        givenName: `Yui${tag}`,
        tag: `grp-c-${locale}`,
      });
      await connect(starter, second);
      await connect(starter, third);
      await uploadPhoto(second);
      const secondName = `小林 Ren${tag}`;
      const thirdName = `加藤 Yui${tag}`;

      // The second member keeps the conversation list open; new conversations arrive without reloading.
      await second.page.goto('/messages');
      await expect.poll(() => second.page.locator('main h1').textContent()).toBe(l.title);

      // The starter, on a phone, opens "new group conversation" from the messages page.
      await starter.page.setViewportSize({ width: 390, height: 844 });
      await starter.page.goto('/messages');
      await starter.page.getByRole('link', { name: l.newGroup }).click();
      await starter.page.waitForURL(/\/messages\/new$/);
      await starter.page.getByRole('heading', { level: 1, name: l.newGroup }).waitFor();

      // The picker shows a connection's photo (the small one), the others' initials.
      await starter.page.getByLabel(l.search, { exact: true }).fill(`Ren${tag}`);
      const photo = starter.page.getByRole('list', { name: l.results }).getByTestId('avatar-photo');
      await photo.waitFor();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(128);
      expect(await photo.getAttribute('alt')).toBe('');

      // Only one person: the error is shown next to the people, in the member's language.
      await pick(starter.page, l, `Ren${tag}`, secondName);
      await starter.page.getByLabel(l.first, { exact: true }).fill(l.hello);
      await starter.page.getByRole('button', { name: l.start }).click();
      await starter.page.getByTestId('connection-picker').getByText(l.atLeastTwo).waitFor();
      expect(starter.page.url()).toMatch(/\/messages\/new$/);

      // Someone who is not a connection is not offered (the second and third are not connected).
      const strangerSearch = await callApi(
        second.page,
        'GET',
        `/api/connections?q=${encodeURIComponent(`Yui${tag}`)}`,
      );
      expect(strangerSearch.status).toBe(200);
      expect((strangerSearch.json.items as unknown[]).length).toBe(0);

      // The other person picked (typed in lower case: names are matched as the directory does), a
      // name for the group, send.
      await pick(starter.page, l, `yui${tag}`, thirdName);
      await starter.page
        .getByTestId('connection-picker')
        .getByText(l.atLeastTwo)
        .waitFor({ state: 'detached' });
      await starter.page.getByLabel(l.name, { exact: true }).fill(l.groupName);
      await screenshot(starter.page, `messaging-group-new-${locale}-390`);
      await starter.page.getByRole('button', { name: l.start }).click();
      await starter.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      const conversationId = new URL(starter.page.url()).pathname.split('/').at(-1) ?? '';

      // The group's page: its name, and who is in it.
      await starter.page.getByRole('heading', { level: 1, name: l.groupName }).waitFor();
      const participants = starter.page.getByTestId('participants');
      await participants.getByText(l.participants).waitFor();
      await participants.getByRole('link', { name: secondName }).waitFor();
      await participants.getByRole('link', { name: thirdName }).waitFor();
      await starter.page.getByText(l.hello).waitFor();

      // The second member sees it arrive live in the list, opens it and replies.
      await second.page.getByText(l.hello).waitFor({ timeout: 10_000 });
      await second.page.getByText(l.hello).click();
      await second.page.waitForURL(new RegExp(`/messages/${conversationId}$`));
      await second.page.getByRole('heading', { level: 1, name: l.groupName }).waitFor();
      await second.page
        .getByRole('main')
        .getByRole('textbox', { name: l.message, exact: true })
        .fill(l.reply);
      await second.page.getByRole('button', { name: l.send, exact: true }).click();

      // The starter and the third member see the reply without reloading.
      await starter.page.getByText(l.reply).waitFor({ timeout: 10_000 });
      await third.page.goto(`/messages/${conversationId}`);
      await third.page.getByText(l.hello).waitFor();
      await third.page.getByText(l.reply).waitFor();
      await screenshot(starter.page, `messaging-group-thread-${locale}-390`);
      await starter.page.goto('/messages');
      await starter.page.getByText(l.groupName).waitFor();
      await screenshot(starter.page, `messaging-group-list-${locale}-390`);

      // The third member leaves: the conversation is gone for them, the others carry on.
      third.page.once('dialog', (dialog) => void dialog.accept());
      await third.page.getByRole('button', { name: l.leave }).click();
      await third.page.waitForURL(/\/messages$/);
      expect((await callApi(third.page, 'GET', `/api/conversations/${conversationId}`)).status).toBe(404);
      const after = await callApi(second.page, 'GET', `/api/conversations/${conversationId}`);
      expect(after.status).toBe(200);
      expect((after.json.participants as { id: string }[]).map((p) => p.id)).toEqual([starter.id]);

      for (const m of [starter, second, third]) await m.page.context().close();
    });
  }
});
