import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

/**
 * Issue 13's "Done when", end to end: the calendar file a member downloads and the one their
 * confirmation mail carries are the same event at the instants HR typed in the event's zone, a
 * time change raises SEQUENCE and a cancellation says CANCELLED (read back with ical.js from the
 * local mail catcher); the 1-day reminder reaches confirmed attendees in their language with the
 * online link; after the event an attendee answers the survey and the host reads the results.
 */

let browser: Browser;
let admin: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser, 'en');
  await signInAs(admin, 'admin@kizuna.example', 'en');
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const LABELS = {
  ja: {
    titleJa: 'タイトル（日本語）',
    titleEn: 'タイトル（英語）',
    format: '開催形式',
    online: 'オンライン',
    onlineUrl: 'オンライン参加リンク',
    startsAt: '開始',
    endsAt: '終了',
    timeZone: 'タイムゾーン',
    capacity: '定員（同伴者を含む）',
    publish: '公開する',
    save: '変更を保存',
    edit: '編集',
    cancelEvent: 'イベントを中止する',
    register: '参加を申し込む',
    confirmed: /参加が確定しています/,
    calendar: 'カレンダーに追加（.ics）',
    cancelled: '中止',
    onlineHidden: '参加リンクは、参加が確定した方にお知らせします。',
    reminderSubject: '明日開催：',
    onlineLine: 'オンライン参加：',
    surveyTitle: 'イベントはいかがでしたか',
    rating: (n: number) => `星 ${n} つ`,
    comment: 'ご意見・ご感想（任意）',
    submit: '送信する',
    thanks: 'ご回答ありがとうございました。',
    resultsLink: 'アンケート結果',
    count: (n: number) => `回答 ${n} 件`,
    average: (a: string) => `平均満足度：${a} / 5`,
  },
  en: {
    titleJa: 'Title (Japanese)',
    titleEn: 'Title (English)',
    format: 'Format',
    online: 'Online',
    onlineUrl: 'Online link',
    startsAt: 'Starts',
    endsAt: 'Ends',
    timeZone: 'Time zone',
    capacity: 'Seats (guests included)',
    publish: 'Publish',
    save: 'Save changes',
    edit: 'Edit',
    cancelEvent: 'Cancel the event',
    register: 'Register',
    confirmed: /You are attending/,
    calendar: 'Add to calendar (.ics)',
    cancelled: 'Cancelled',
    onlineHidden: 'The link is shown after your registration is confirmed.',
    reminderSubject: 'Tomorrow: ',
    onlineLine: 'Join online: ',
    surveyTitle: 'How was it?',
    rating: (n: number) => `${n} stars`,
    comment: 'Comments (optional)',
    submit: 'Send',
    thanks: 'Thank you for your answer!',
    resultsLink: 'Survey results',
    count: (n: number) => `${n} answers`,
    average: (a: string) => `Average rating: ${a} / 5`,
  },
} as const;

// ---- helpers ---------------------------------------------------------------------------------------

const api = <T = Record<string, unknown>>(page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ m, p, b }) => {
      const res = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown };
    },
    { m: method, p: path, b: body },
  ) as Promise<{ status: number; body: T }>;

/** A wall-clock time in a zone with a fixed offset (no DST in either zone used here). */
const OFFSET_HOURS = { 'Asia/Tokyo': 9, 'America/Sao_Paulo': -3 } as const;
type Zone = keyof typeof OFFSET_HOURS;
const wallClock = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00`;
const instantOf = (date: string, hour: number, zone: Zone) =>
  new Date(Date.parse(`${wallClock(date, hour)}:00Z`) - OFFSET_HOURS[zone] * HOUR);
/** The calendar date `days` from now, in the zone. */
const dateIn = (days: number, zone: Zone) =>
  new Date(Date.now() + days * DAY + OFFSET_HOURS[zone] * HOUR).toISOString().slice(0, 10);

interface ParsedIcs {
  method: string | null;
  uid: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string | null;
  description: string;
  location: string;
}

/** Reads a calendar file with a real parser; a TZID is resolved through the file's VTIMEZONE. */
function parseIcs(text: string): ParsedIcs {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  for (const time of [event.startDate, event.endDate]) {
    // A floating time (no Z, no known TZID) would be read in the reader's zone: never acceptable.
    expect(time.zone?.tzid === 'floating').toBe(false);
  }
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? null,
    uid: event.uid,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
    description: event.description ?? '',
    location: event.location ?? '',
  };
}

interface CaughtMail {
  id: string;
  locale: string;
  subject: string;
  text: string;
  ics: ParsedIcs | null;
}

const seenMails = new Set<string>();

/** The next mail of this kind to this address as the local mail catcher received it (read by the admin). */
async function caughtMail(kind: string, to: string): Promise<CaughtMail> {
  let raw: { id: string; locale: string; subject: string; raw: string } | undefined;
  await expect
    .poll(
      async () => {
        raw = await admin.evaluate(
          async ({ k, q, skip }) => {
            const params = new URLSearchParams({ kind: k, q, status: 'sent' });
            const list = await (await fetch(`/api/outbox?${params}`)).json();
            const item = (list.items as { id: string; to: string }[]).find(
              (m) => m.to === q && !skip.includes(m.id),
            );
            if (!item) return undefined;
            const message = await (await fetch(`/api/outbox/${item.id}`)).json();
            if (!message.delivered) return undefined;
            return {
              id: item.id,
              locale: message.locale as string,
              subject: message.subject as string,
              raw: message.delivered.raw as string,
            };
          },
          { k: kind, q: to, skip: [...seenMails] },
        );
        return raw;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBeTruthy();
  const found = raw as { id: string; locale: string; subject: string; raw: string };
  seenMails.add(found.id);
  const parsed = await simpleParser(found.raw);
  const file = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return {
    id: found.id,
    locale: found.locale,
    subject: parsed.subject ?? found.subject,
    text: parsed.text ?? '',
    ics: file ? parseIcs(file.content.toString('utf8')) : null,
  };
}

/** No mail of this kind to this address reached the catcher (after the job that would send it ran). */
async function noMail(kind: string, to: string) {
  const list = await api<{ items: { to: string }[] }>(
    admin,
    'GET',
    `/api/outbox?${new URLSearchParams({ kind, q: to })}`,
  );
  expect(list.body.items.filter((m) => m.to === to)).toEqual([]);
}

/** The member downloads the event's calendar file from the event page (a real browser download). */
async function downloadIcs(page: Page, label: string): Promise<ParsedIcs> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: label }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^event-[0-9a-f-]{36}\.ics$/);
  const path = await download.path();
  return parseIcs(readFileSync(path, 'utf8'));
}

// ---- the journeys --------------------------------------------------------------------------------

describe('issue 13: calendar files, reminders and the survey, end to end', () => {
  const CASES = [
    { locale: 'ja', zone: 'Asia/Tokyo' },
    { locale: 'en', zone: 'America/Sao_Paulo' },
  ] as const;

  for (const { locale, zone } of CASES) {
    it(`${locale}: the downloaded and the mailed .ics agree (UID, times in ${zone}, SEQUENCE); a new time raises SEQUENCE; a cancellation says CANCELLED`, async () => {
      const l = LABELS[locale];
      const tag = `ICS${locale.toUpperCase()}${Date.now().toString(36)}`;
      const date = dateIn(20, zone);
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);

      // HR creates an online event at 19:00–21:00 wall-clock time in the event's zone.
      await hr.goto('/events/new');
      await hr.getByLabel(l.titleJa).fill(`カレンダー確認会 ${tag}`);
      await hr.getByLabel(l.titleEn).fill(`Calendar check ${tag}`);
      await hr.getByLabel(l.format, { exact: true }).selectOption({ label: l.online });
      await hr.getByLabel(l.onlineUrl).fill(`https://meet.example.com/${tag}`);
      await hr.getByLabel(l.startsAt, { exact: true }).fill(wallClock(date, 19));
      await hr.getByLabel(l.endsAt, { exact: true }).fill(wallClock(date, 21));
      await hr.getByLabel(l.timeZone).fill(zone);
      await hr.getByLabel(l.capacity).fill('10');
      await hr.getByRole('button', { name: l.publish, exact: true }).click();
      await hr.waitForURL(/\/events\/[0-9a-f-]{36}$/);
      const eventPath = new URL(hr.url()).pathname;
      const eventId = eventPath.split('/').pop() as string;
      await expect.poll(() => hr.getByTestId('event-time').textContent()).toContain(zone);

      // A member registers on the event page, then downloads the file from it.
      const { page: member, email } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: locale === 'ja' ? '暦' : 'Calendar',
        givenName: locale === 'ja' ? '花子' : 'Hana',
        tag: tag.toLowerCase(),
      });
      await member.goto(eventPath);
      await member.getByRole('button', { name: l.register }).click();
      await expect.poll(() => member.getByTestId('my-registration').textContent()).toMatch(l.confirmed);
      await screenshot(member, `events-done-calendar-link-${locale}`);
      const downloaded = await downloadIcs(member, l.calendar);

      const expected = { start: instantOf(date, 19, zone), end: instantOf(date, 21, zone) };
      const uid = `${eventId}@${new URL(hr.url()).hostname}`;
      expect(downloaded).toMatchObject({ method: 'PUBLISH', uid, ...expected, status: 'CONFIRMED' });
      expect(downloaded.description).toContain(`https://meet.example.com/${tag}`);

      // The confirmation mail, in the member's language, carries the same event.
      const confirmation = await caughtMail('event_confirmed', email);
      expect(confirmation.locale).toBe(locale);
      expect(confirmation.text).toContain(`${l.onlineLine}https://meet.example.com/${tag}`);
      expect(confirmation.ics).toMatchObject({ method: 'REQUEST', uid, ...expected, status: 'CONFIRMED' });
      expect(confirmation.ics?.sequence).toBe(downloaded.sequence);

      // HR moves it one hour later: the change mail's file has the new times and a higher SEQUENCE.
      await hr.getByRole('link', { name: l.edit, exact: true }).click();
      await hr.waitForURL(/\/edit$/);
      await hr.getByLabel(l.startsAt, { exact: true }).fill(wallClock(date, 20));
      await hr.getByLabel(l.endsAt, { exact: true }).fill(wallClock(date, 22));
      await hr.getByRole('button', { name: l.save }).click();
      await hr.waitForURL(/\/events\/[0-9a-f-]{36}$/);
      const changed = await caughtMail('event_changed', email);
      expect(changed.locale).toBe(locale);
      expect(changed.ics).toMatchObject({
        method: 'REQUEST',
        uid,
        start: instantOf(date, 20, zone),
        end: instantOf(date, 22, zone),
        status: 'CONFIRMED',
      });
      expect(changed.ics?.sequence).toBeGreaterThan(confirmation.ics?.sequence ?? Number.POSITIVE_INFINITY);
      await member.reload();
      const redownloaded = await downloadIcs(member, l.calendar);
      expect(redownloaded).toMatchObject({
        uid,
        start: instantOf(date, 20, zone),
        sequence: changed.ics?.sequence,
      });

      // HR cancels it: the cancellation mail's file says CANCELLED (METHOD:CANCEL), same UID.
      hr.once('dialog', (dialog) => void dialog.accept());
      await hr.getByRole('button', { name: l.cancelEvent }).click();
      await expect.poll(() => hr.getByText(l.cancelled, { exact: true }).count()).toBeGreaterThan(0);
      const cancelled = await caughtMail('event_cancelled', email);
      expect(cancelled.ics).toMatchObject({ method: 'CANCEL', uid, status: 'CANCELLED' });
      expect(cancelled.ics?.sequence).toBeGreaterThanOrEqual(
        changed.ics?.sequence ?? Number.POSITIVE_INFINITY,
      );
      await member.reload();
      expect(await downloadIcs(member, l.calendar)).toMatchObject({ uid, status: 'CANCELLED' });

      await Promise.all([hr, member].map((p) => p.context().close()));
    }, 180_000);
  }

  it('the 1-day reminder reaches confirmed attendees in their language with the online link; the waitlisted get none', async () => {
    const tag = `REM${Date.now().toString(36)}`;
    const url = `https://meet.example.com/${tag}`;
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    // Starts in 23 hours: inside the 1-day window, outside the 1-hour one.
    const startsAt = new Date(Date.now() + 23 * HOUR);
    const created = await api<{ id: string }>(hr, 'POST', '/api/events', {
      kind: 'lecture',
      format: 'online',
      titleJa: `未来塾 リマインダー ${tag}`,
      titleEn: `Mirai Juku reminder ${tag}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      timeZone: 'Asia/Tokyo',
      onlineUrl: url,
      capacity: 2,
      status: 'published',
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id;

    const people = {
      ja: await newMember(browser, 'ja', {
        role: 'alumni',
        familyName: '鈴木',
        givenName: '一郎',
        tag: `${tag.toLowerCase()}ja`,
      }),
      en: await newMember(browser, 'en', {
        role: 'alumni',
        familyName: 'Smith',
        givenName: 'Ann',
        tag: `${tag.toLowerCase()}en`,
      }),
      waiting: await newMember(browser, 'en', {
        role: 'alumni',
        familyName: 'Wait',
        givenName: 'Will',
        tag: `${tag.toLowerCase()}wl`,
      }),
    };
    for (const who of [people.ja, people.en, people.waiting]) {
      const registered = await api<{ status: string }>(
        who.page,
        'POST',
        `/api/events/${eventId}/registration`,
        {},
      );
      expect([200, 201]).toContain(registered.status);
    }
    const waitingEvent = await api<{ myRegistration: { status: string }; onlineUrl: string | null }>(
      people.waiting.page,
      'GET',
      `/api/events/${eventId}`,
    );
    expect(waitingEvent.body.myRegistration.status).toBe('waitlisted');
    expect(waitingEvent.body.onlineUrl).toBeNull();

    const run = await api<{ reminded: number; mailed: number }>(
      admin,
      'POST',
      '/api/dev/jobs/events.reminders',
    );
    expect(run.status).toBe(200);

    for (const locale of ['ja', 'en'] as const) {
      const l = LABELS[locale];
      const mail = await caughtMail('event_reminder_day', people[locale].email);
      expect(mail.locale).toBe(locale);
      // The organisation's name may come first (branding); the reminder's own subject follows.
      expect(mail.subject).toContain(
        `${l.reminderSubject}${locale === 'ja' ? `未来塾 リマインダー ${tag}` : `Mirai Juku reminder ${tag}`}`,
      );
      expect(mail.text).toContain(`${l.onlineLine}${url}`);
      expect(mail.ics).toMatchObject({
        method: 'REQUEST',
        start: new Date(Math.floor(startsAt.getTime() / 1000) * 1000),
      });
      expect(`${mail.ics?.location}\n${mail.ics?.description}`).toContain(url);
    }
    await noMail('event_reminder_day', people.waiting.email);
    // The waitlisted member's page keeps the link hidden.
    await people.waiting.page.goto(`/events/${eventId}`);
    await people.waiting.page.getByText(LABELS.en.onlineHidden).waitFor();
    expect(await people.waiting.page.getByRole('link', { name: 'Join online' }).count()).toBe(0);

    // A second run reminds nobody twice.
    await api(admin, 'POST', '/api/dev/jobs/events.reminders');
    const again = await api<{ items: { to: string }[] }>(
      admin,
      'GET',
      `/api/outbox?${new URLSearchParams({ kind: 'event_reminder_day', q: people.ja.email })}`,
    );
    expect(again.body.items.filter((m) => m.to === people.ja.email)).toHaveLength(1);

    await Promise.all(
      [hr, people.ja.page, people.en.page, people.waiting.page].map((p) => p.context().close()),
    );
  }, 180_000);

  it('after the event, attendees answer the survey and the host reads the rating and the comments (ja, en, 390×844)', async () => {
    const tag = `SRV${Date.now().toString(36)}`;
    const hr = await newPage(browser, 'ja', PHONE);
    await signInAs(hr, 'hr@kizuna.example', 'ja');
    const startsAt = new Date(Date.now() + DAY);
    const created = await api<{ id: string }>(hr, 'POST', '/api/events', {
      kind: 'meetup',
      format: 'in_person',
      titleJa: `ナナメのつながり交流会 ${tag}`,
      titleEn: `Diagonal ties meetup ${tag}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      timeZone: 'Asia/Tokyo',
      venueName: '東京本社 20F',
      capacity: 10,
      status: 'published',
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id;
    const attendees = {
      ja: await newMember(browser, 'ja', {
        role: 'alumni',
        familyName: '高橋',
        givenName: '美咲',
        tag: `${tag.toLowerCase()}ja`,
      }),
      en: await newMember(browser, 'en', {
        role: 'alumni',
        familyName: 'Brown',
        givenName: 'Tom',
        tag: `${tag.toLowerCase()}en`,
      }),
    };
    for (const who of Object.values(attendees)) {
      expect([200, 201]).toContain(
        (await api(who.page, 'POST', `/api/events/${eventId}/registration`, {})).status,
      );
    }
    const comments = {
      ja: `先輩の話がとても参考になりました ${tag}`,
      en: `Great conversations across generations ${tag}`,
    };

    // Two days later the event is over: the after-event job sends the survey invitations.
    const moved = await api(admin, 'POST', '/api/dev/clock', { advanceDays: 2 });
    expect(moved.status).toBe(200);
    try {
      expect((await api(admin, 'POST', '/api/dev/jobs/events.after')).status).toBe(200);
      for (const locale of ['ja', 'en'] as const) {
        const l = LABELS[locale];
        const invitation = await caughtMail('event_survey', attendees[locale].email);
        expect(invitation.locale).toBe(locale);
        const link = new RegExp(`https?://\\S+/events/${eventId}/survey`).exec(invitation.text)?.[0];
        expect(link).toBeTruthy();

        const page = attendees[locale].page;
        if (locale === 'ja') await page.setViewportSize(PHONE);
        await page.goto(new URL(link as string).pathname);
        await page.getByRole('heading', { name: l.surveyTitle }).waitFor();
        await page.getByRole('radio', { name: l.rating(locale === 'ja' ? 5 : 4) }).check({ force: true });
        await page.getByLabel(l.comment).fill(comments[locale]);
        await screenshot(page, locale === 'ja' ? 'events-done-survey-ja-390' : 'events-done-survey-en');
        await page.getByRole('button', { name: l.submit }).click();
        await page.getByText(l.thanks).waitFor();
      }

      // The host opens the results from the event page, in Japanese on a phone, then in English.
      await hr.goto(`/events/${eventId}`);
      await hr.getByRole('link', { name: LABELS.ja.resultsLink }).click();
      await hr.waitForURL(new RegExp(`/events/${eventId}/results$`));
      await hr.getByText(LABELS.ja.count(2)).waitFor();
      await hr.getByText(LABELS.ja.average('4.50')).waitFor();
      for (const text of Object.values(comments)) await hr.getByText(text).waitFor();
      await expect.poll(() => hr.getByText('★5：1 件').count()).toBe(1);
      await screenshot(hr, 'events-done-survey-results-ja-390');

      const hrEn = await newPage(browser, 'en');
      await signInAs(hrEn, 'hr@kizuna.example', 'en');
      await hrEn.goto(`/events/${eventId}/results`);
      await hrEn.getByText(LABELS.en.count(2)).waitFor();
      await hrEn.getByText(LABELS.en.average('4.50')).waitFor();
      for (const text of Object.values(comments)) await hrEn.getByText(text).waitFor();
      await screenshot(hrEn, 'events-done-survey-results-en');
      await hrEn.context().close();
    } finally {
      await api(admin, 'POST', '/api/dev/clock', { advanceDays: -2 });
    }
    await Promise.all([hr, attendees.ja.page, attendees.en.page].map((p) => p.context().close()));
  }, 240_000);
});
