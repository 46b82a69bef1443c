import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openAdmin, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const LABELS = {
  ja: {
    tab: 'モデレーション',
    title: 'モデレーション',
    open: /未対応/,
    suspensionsLink: '投稿停止中のメンバー',
    suspensionsTitle: '投稿停止中のメンバー',
    lift: /の投稿停止を解除$/,
    lifted: '投稿停止を解除しました。',
    review: '確認する',
    comment: 'コメント',
    hideReason: '理由（投稿者に表示されます）',
    hide: '非表示にして投稿者に通知',
    hidden: '非表示にしました。投稿者に理由を通知しました。',
    noteLabel: 'メモを追加',
    saveNote: 'メモを保存',
  },
  en: {
    tab: 'Moderation',
    title: 'Moderation',
    open: /Open/,
    suspensionsLink: 'Posting suspensions',
    suspensionsTitle: 'Posting suspensions',
    lift: /^Lift the suspension of /,
    lifted: 'Suspension lifted.',
    review: 'Review',
    comment: 'Comment',
    hideReason: 'Reason (shown to the author)',
    hide: 'Hide and tell the author',
    hidden: 'Hidden. The author has been told why.',
    noteLabel: 'Add a note',
    saveNote: 'Save note',
  },
} as const;

/** The demo alumna's id and posting status, as she sees them. */
async function alumnaStatus(page: Page) {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { id: string };
    const status = (await (await fetch('/api/me/posting-status')).json()) as { isSuspended: boolean };
    return { id: me.id, isSuspended: status.isSuspended };
  });
}

const noScriptRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe('moderation', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`HR reviews the queue, pauses and lifts a member's posting (${locale})`, async () => {
      const l = LABELS[locale];
      const alumna = await newPage(browser, locale);
      await signInAs(alumna, 'alumni@kizuna.example', locale);
      const before = await alumnaStatus(alumna);
      expect(before.isSuspended).toBe(false);

      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await openAdmin(hr, l.tab);
      await hr.waitForURL(/\/admin\/moderation$/);
      await hr.getByRole('heading', { level: 1, name: l.title }).waitFor();
      await hr.getByRole('button', { name: l.open }).waitFor();
      await screenshot(hr, `moderation-queue-${locale}`);

      // The demo reports two comments (one per language): hide one with a reason.
      const reportedComment = hr
        .getByRole('listitem')
        .filter({ has: hr.getByText(l.comment, { exact: true }) })
        .first();
      await reportedComment.getByRole('button', { name: l.review }).click();
      await hr.getByTestId('report-content').waitFor();
      await hr.getByLabel(l.noteLabel).fill(`Warned once ${XSS}`);
      await hr.getByRole('button', { name: l.saveNote }).click();
      await hr.getByTestId('member-notes').getByText(`Warned once ${XSS}`).waitFor();
      await hr.getByLabel(l.hideReason).fill(`Off-topic ${XSS}`);
      await hr.getByRole('button', { name: l.hide }).click();
      await hr.getByText(l.hidden).waitFor();
      await screenshot(hr, `moderation-review-${locale}`);
      expect(await noScriptRan(hr)).toBeUndefined();

      // Suspend the alumna (as the review page does), then see and lift it on the suspensions page.
      const created = await hr.evaluate(
        async ({ userId, reason }) => {
          const res = await fetch('/api/moderation/suspensions', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userId, days: 3, reason }),
          });
          return res.status;
        },
        { userId: before.id, reason: `Repeated spam ${XSS}` },
      );
      expect(created).toBe(201);
      expect((await alumnaStatus(alumna)).isSuspended).toBe(true);

      await hr.getByRole('link', { name: l.suspensionsLink }).click();
      await hr.waitForURL(/\/admin\/moderation\/suspensions$/);
      await hr.getByRole('heading', { level: 1, name: l.suspensionsTitle }).waitFor();
      // The reason is shown as text: the markup is visible, nothing ran.
      await hr.getByText(`Repeated spam ${XSS}`).first().waitFor();
      expect(await noScriptRan(hr)).toBeUndefined();
      await screenshot(hr, `moderation-suspensions-${locale}`);

      const phone = await newPage(browser, locale, { width: 390, height: 844 });
      await signInAs(phone, 'hr@kizuna.example', locale);
      await phone.goto('/admin/moderation/suspensions');
      await phone.getByText(`Repeated spam ${XSS}`).first().waitFor();
      await screenshot(phone, `moderation-suspensions-phone-${locale}`);
      await phone.goto('/admin/moderation');
      await phone.getByRole('heading', { level: 1, name: l.title }).waitFor();
      await screenshot(phone, `moderation-queue-phone-${locale}`);
      await phone.context().close();

      await hr.getByRole('button', { name: l.lift }).first().click();
      await hr.getByText(l.lifted).waitFor();
      expect((await alumnaStatus(alumna)).isSuspended).toBe(false);

      await hr.context().close();
      await alumna.context().close();
    });
  }
});
