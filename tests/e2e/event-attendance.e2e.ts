import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

/**
 * The door of an event on a phone (issue 13 §4): attendees open their ticket, the host checks them
 * in at 390×844 by typed code, a second scan says "already", the count follows. The event is made
 * through the events core's API (POST /api/events, POST /api/events/:id/registration).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };

const LABELS = {
  ja: {
    ticket: '参加チケット',
    code: '受付コード',
    submit: '受付する',
    already: 'に受付済みです。',
    count: (n: number, of: number) => `受付済み ${n} / ${of} 名`,
    search: '名前で検索',
  },
  en: {
    ticket: 'Your ticket',
    code: 'Code',
    submit: 'Check in',
    already: 'was already checked in at',
    count: (n: number, of: number) => `${n} / ${of} checked in`,
    search: 'Search by name',
  },
} as const;

const postJson = (page: Page, path: string, body: unknown) =>
  page.evaluate(
    async ({ p, b }) => {
      const res = await fetch(p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { p: path, b: body },
  );

async function signedInPage(email: string, locale: 'ja' | 'en') {
  const page = await newPage(browser, locale, PHONE);
  await signInAs(page, email, locale);
  return page;
}

/** An attendee registers and reads the code off their ticket page. */
async function ticketCode(page: Page, eventId: string, locale: 'ja' | 'en') {
  const registered = await postJson(page, `/api/events/${eventId}/registration`, {});
  expect([200, 201]).toContain(registered.status);
  await page.goto(`/events/${eventId}/ticket`);
  await page.getByRole('heading', { name: LABELS[locale].ticket }).waitFor();
  await page.getByRole('img', { name: /QR/ }).waitFor();
  const code = await page.locator('.font-mono').first().innerText();
  await screenshot(page, `event-ticket-${locale}-390`);
  return code.trim();
}

describe('event check-in on a phone', () => {
  it('attendees show their tickets; the host checks them in by code, once, with a live count', async () => {
    const hr = await signedInPage('hr@kizuna.example', 'en');
    const startsAt = new Date(Date.now() + 60 * 60 * 1000);
    const created = await postJson(hr, '/api/events', {
      kind: 'meetup',
      format: 'in_person',
      titleJa: 'ナナメのつながり交流会（受付テスト）',
      titleEn: 'Diagonal ties meetup (door test)',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      timeZone: 'Asia/Tokyo',
      venueName: '東京本社 20F',
      capacity: 10,
      status: 'published',
    });
    expect(created.status).toBe(201);
    const eventId = String(created.body.id);

    const alumni = await signedInPage('alumni@kizuna.example', 'en');
    const employee = await signedInPage('employee@kizuna.example', 'ja');
    const alumniCode = await ticketCode(alumni, eventId, 'en');
    const employeeCode = await ticketCode(employee, eventId, 'ja');

    for (const locale of ['en', 'ja'] as const) {
      const l = LABELS[locale];
      const host = locale === 'en' ? hr : await signedInPage('hr@kizuna.example', 'ja');
      await host.goto(`/events/${eventId}/check-in`);
      const code = locale === 'en' ? alumniCode : employeeCode;
      const before = locale === 'en' ? 0 : 1;
      await host.getByText(l.count(before, 2)).waitFor();
      await host.getByLabel(l.code, { exact: true }).fill(code.toLowerCase());
      await host.getByRole('button', { name: l.submit }).click();
      await host.getByRole('status').filter({ hasText: /./ }).first().waitFor();
      await host.getByText(l.count(before + 1, 2)).waitFor();
      await screenshot(host, `event-check-in-${locale}-390`);
      // The same code again: nothing changes, the host is told when.
      await host.getByLabel(l.code, { exact: true }).fill(code);
      await host.getByRole('button', { name: l.submit }).click();
      await host.getByText(l.already, { exact: false }).waitFor();
      await host.getByText(l.count(before + 1, 2)).waitFor();
      await host.getByLabel(l.search).fill('zzzz-nobody');
      await host.getByText(locale === 'en' ? 'No confirmed attendees.' : '参加確定者はいません。').waitFor();
      if (locale === 'ja') await host.context().close();
    }
    // The attendee's ticket now says they are in.
    await alumni.reload();
    await alumni.getByText(/Checked in at/).waitFor();
    for (const page of [hr, alumni, employee]) await page.context().close();
  });
});
