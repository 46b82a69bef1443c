import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    login: 'employee@kizuna.example',
    bell: /^通知 (\d+)件未読$/,
    bellNone: '通知 未読なし',
    title: '通知',
    grouped: '「新規事業チームの1年を振り返って」に新しいコメントが 2 件あります',
    latest: /^最新：/,
    invite: /グループ「関西支部 \/ Kansai chapter」に招待しました/,
    markRead: '既読にする',
    markAll: 'すべて既読にする',
    muteMenu: 'ミュート…',
    week: '1週間',
    muted: 'ミュートしました。通知の設定から解除できます。',
    settingsLink: '通知の設定',
    reactions: 'あなたの投稿へのリアクション',
    off: 'オフ',
    save: '保存する',
    saved: '通知の設定を保存しました。',
    mutedThread: /^スレッド：/,
    unmute: 'ミュートを解除',
    noMutes: 'ミュートしているものはありません。',
  },
  en: {
    login: 'admin@kizuna.example',
    bell: /^(\d+) unread notifications?$/,
    bellNone: 'Notifications, none unread',
    title: 'Notifications',
    grouped: '2 new comments on “新規事業チームの1年を振り返って”',
    latest: /^Latest: /,
    invite: /invited you to the group “関西支部 \/ Kansai chapter”/,
    markRead: 'Mark read',
    markAll: 'Mark all read',
    muteMenu: 'Mute…',
    week: 'for a week',
    muted: 'Muted. You can unmute in the notification settings.',
    settingsLink: 'Notification settings',
    reactions: 'Reactions to your posts',
    off: 'Off',
    save: 'Save',
    saved: 'Your notification settings are saved.',
    mutedThread: /^Conversation: /,
    unmute: 'Unmute',
    noMutes: 'You have muted nothing.',
  },
} as const;

async function bellCount(page: Page, locale: 'ja' | 'en'): Promise<number> {
  const bell = page.getByTestId('notification-bell');
  await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toMatch(LABELS[locale].bell);
  const label = (await bell.getAttribute('aria-label')) ?? '';
  return Number(LABELS[locale].bell.exec(label)?.[1]);
}

describe.each(['ja', 'en'] as const)('the notification centre (%s)', (locale) => {
  const l = LABELS[locale];

  it('bell count, grouped list, mark read, mute, settings', async () => {
    const page = await newPage(browser, locale);
    await signInAs(page, l.login, locale);
    const before = await bellCount(page, locale);
    expect(before).toBeGreaterThanOrEqual(5);

    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/notifications$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: l.title }).isVisible()).toBe(true);
    const grouped = page.getByTestId('notification').filter({ hasText: l.grouped });
    await grouped.waitFor();
    expect(await grouped.getByText(l.latest).isVisible()).toBe(true);
    await screenshot(page, `notifications-list-${locale}`);

    // Mark one group read: the bell drops by its two comments.
    await grouped.getByRole('button', { name: l.markRead }).click();
    await expect.poll(() => bellCount(page, locale)).toBe(before - 2);

    // Mute the group invitation's thread for a week.
    const invite = page.getByTestId('notification').filter({ hasText: l.invite });
    await invite.getByText(l.muteMenu).click();
    await invite.getByRole('button', { name: l.week }).first().click();
    await page.getByText(l.muted).waitFor();

    await page.getByRole('button', { name: l.markAll }).click();
    await expect
      .poll(() => page.getByTestId('notification-bell').getAttribute('aria-label'))
      .toBe(l.bellNone);

    // Settings: turn reactions off, see and end the mute.
    await page.getByRole('link', { name: l.settingsLink }).click();
    await page.waitForURL(/\/settings\/notifications$/);
    await page.getByLabel(l.reactions).selectOption({ label: l.off });
    await page.getByRole('button', { name: l.save }).click();
    await page.getByText(l.saved).waitFor();
    await page.getByText(l.mutedThread).waitFor();
    await screenshot(page, `notifications-settings-${locale}`);
    await page.getByRole('button', { name: l.unmute }).click();
    await page.getByText(l.noMutes).waitFor();
    await page.reload();
    expect(await page.getByLabel(l.reactions).inputValue()).toBe('off');
    await page.context().close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await newPage(browser, locale, { width: 390, height: 844 });
    await signInAs(page, l.login, locale);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await bell.isVisible()).toBe(true);
    await bell.click();
    await page.waitForURL(/\/notifications$/);
    await page.getByTestId('notification').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, `notifications-phone-${locale}`);
    await page.context().close();
  });
});
