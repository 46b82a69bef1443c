import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EventStats,
  FellowAttendeeList,
  MaterialList,
  SurveyForm,
  SurveyResults,
} from '#common/event-attendance';
import { auditEvents, blocks, mailMessages, notifications } from '#server/db/schema';
import { eventRegistrations, eventSeries } from '#server/db/schema/events';
import { fixedClock } from '#server/lib/clock';
import { addTestHost, createTestEvent, registerTestMember } from '#tests/factories/event-attendance';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { runAfterEvents } from './events.survey';

failOnConsoleError();
const clock = fixedClock('2027-02-01T12:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let host: Session;
let aya: Session;
let ben: Session;
let cara: Session;
let dan: Session;
let eve: Session;
let outsider: Session;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let upcoming: Awaited<ReturnType<typeof createTestEvent>>;
const SERIES = randomUUID();

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  host = await signedIn(t, { role: 'employee' });
  aya = await signedIn(t, { role: 'alumni', names: { familyName: 'Sato', givenName: 'Aya' }, locale: 'en' });
  // Not listed in the directory: in no export and no fellow list.
  ben = await signedIn(t, { role: 'employee', names: { familyName: 'Ito', givenName: 'Ben' }, consents: [] });
  cara = await signedIn(t, { role: 'alumni', names: { familyName: 'Evil', givenName: '=cmd|calc' } });
  dan = await signedIn(t, { role: 'alumni', names: { familyName: 'Mori', givenName: 'Dan' } });
  eve = await signedIn(t, { role: 'alumni', names: { familyName: 'Abe', givenName: 'Eve' } });
  outsider = await signedIn(t, { role: 'alumni' });
  await t.db.insert(eventSeries).values({ id: SERIES, titleJa: '未来塾', titleEn: 'Mirai-juku' });
  // Ended an hour ago (09:00–11:00Z).
  event = await createTestEvent(t, {
    kind: 'lecture',
    seriesId: SERIES,
    seriesNumber: 12,
    startsAt: new Date('2027-02-01T09:00:00Z'),
    surveyQuestionJa: '次に聞きたいテーマは？',
    surveyQuestionEn: 'What topic next?',
  });
  upcoming = await createTestEvent(t, { seriesId: SERIES, startsAt: new Date('2027-02-10T09:00:00Z') });
  await addTestHost(t, event.id, host.member.id, 'speaker');
  const checkedIn = { checkedInAt: new Date('2027-02-01T08:55:00Z') };
  await registerTestMember(t, event.id, aya.member.id, checkedIn);
  await registerTestMember(t, event.id, ben.member.id, checkedIn);
  await registerTestMember(t, event.id, cara.member.id);
  await registerTestMember(t, event.id, dan.member.id, checkedIn);
  await registerTestMember(t, event.id, eve.member.id, checkedIn);
  await registerTestMember(t, event.id, outsider.member.id, { status: 'cancelled', cancelReason: 'member' });
  await registerTestMember(t, upcoming.id, aya.member.id);
  await t.db.insert(blocks).values({ blockerId: eve.member.id, blockedId: aya.member.id });
});
afterAll(() => t.close());

const call = (method: string, path: string, cookie?: string, json?: unknown, lang = 'en') =>
  t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
const expectStatus = async (res: Response, status: number) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
};
const jsonOf = async <T>(res: Response, status = 200) =>
  (await (await expectStatus(res, status)).json()) as T;
type ErrorBody = { error: { message: string; fields?: Record<string, string[]> } };

describe('after the event', () => {
  it('records the no-show and invites the attendees to the survey once', async () => {
    const first = await runAfterEvents(t);
    expect(first).toEqual({ noShows: 1, invited: 4 });
    expect(await runAfterEvents(t)).toEqual({ noShows: 0, invited: 0 });
    const [caraRow] = await t.db
      .select({ noShow: eventRegistrations.noShow })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, cara.member.id)));
    expect(caraRow?.noShow).toBe(true);
    const mails = await t.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.subjectId, event.id), eq(mailMessages.kind, 'event_survey')));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      [aya.member.email, ben.member.email, dan.member.email, eve.member.email].sort(),
    );
    const ayaMail = mails.find((m) => m.toAddress === aya.member.email);
    expect(ayaMail?.subject).toContain('How was “Diagonal ties meetup”?');
    expect(ayaMail?.text).toContain(`http://localhost:3000/events/${event.id}/survey`);
    const bell = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, 'event_survey'), eq(notifications.userId, aya.member.id)));
    expect(bell.map((b) => b.link)).toEqual([`/events/${event.id}/survey`]);
  });
});

describe('survey', () => {
  const form = (who?: Session, id = event.id, lang = 'en') =>
    call('GET', `/api/events/${id}/survey`, who?.cookie, undefined, lang);
  const answer = (who: Session | undefined, json: unknown, lang = 'en', id = event.id) =>
    call('POST', `/api/events/${id}/survey`, who?.cookie, json, lang);

  it('401, 400, 404 for non-attendees (the no-show, an outsider, a host without a seat)', async () => {
    await expectStatus(await form(), 401);
    await expectStatus(await answer(undefined, { rating: 5 }), 401);
    await expectStatus(await form(aya, 'nope'), 400);
    await expectStatus(await form(cara), 404);
    await expectStatus(await form(outsider), 404);
    await expectStatus(await form(host), 404);
    await expectStatus(await answer(outsider, { rating: 5 }), 404);
    const bad = await jsonOf<ErrorBody>(await answer(aya, { rating: 6, comment: 'x'.repeat(2001) }), 400);
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['comment', 'rating']);
  });

  it('not before the event has ended', async () => {
    const early = await jsonOf<ErrorBody>(await form(aya, upcoming.id, 'ja'), 400);
    expect(early.error.message).toBe('アンケートはイベント終了後に回答できます。');
  });

  it('one answer per attendee, with the extra question in their language', async () => {
    expect(await jsonOf<SurveyForm>(await form(aya))).toEqual({
      eventId: event.id,
      title: 'Diagonal ties meetup',
      question: 'What topic next?',
      answered: false,
    });
    expect((await jsonOf<SurveyForm>(await form(ben, event.id, 'ja'))).question).toBe(
      '次に聞きたいテーマは？',
    );
    await jsonOf<SurveyForm>(
      await answer(aya, { rating: 5, comment: '=great talk', answer: 'AI and audit' }),
      201,
    );
    await jsonOf<SurveyForm>(await answer(ben, { rating: 3, comment: '   ' }), 201);
    await jsonOf<SurveyForm>(await answer(dan, { rating: 4 }), 201);
    const again = await jsonOf<ErrorBody>(await answer(aya, { rating: 1 }), 409);
    expect(again.error.message).toBe('You have already answered this survey. Thank you!');
    expect((await jsonOf<SurveyForm>(await form(aya))).answered).toBe(true);
  });

  it('results for hosts and HR only: count, average, distribution, comments without names', async () => {
    await expectStatus(await call('GET', `/api/events/${event.id}/survey/results`), 401);
    await expectStatus(await call('GET', `/api/events/${event.id}/survey/results`, aya.cookie), 404);
    await expectStatus(await call('GET', `/api/events/${randomUUID()}/survey/results`, hr.cookie), 404);
    const results = await jsonOf<SurveyResults>(
      await call('GET', `/api/events/${event.id}/survey/results`, host.cookie),
    );
    expect(results).toMatchObject({
      count: 3,
      average: 4,
      distribution: [0, 0, 1, 1, 1],
      question: 'What topic next?',
    });
    expect(results.comments).toEqual([{ rating: 5, comment: '=great talk', answer: 'AI and audit' }]);
    expect(
      (await jsonOf<SurveyResults>(await call('GET', `/api/events/${event.id}/survey/results`, hr.cookie)))
        .count,
    ).toBe(3);
  });
});

describe('materials', () => {
  const put = (who: Session | undefined, json: unknown, lang = 'en') =>
    call('PUT', `/api/events/${event.id}/materials`, who?.cookie, json, lang);

  it('hosts replace them (http/https only); attendees read them; others get 404', async () => {
    await expectStatus(await put(undefined, { items: [] }), 401);
    await expectStatus(await put(aya, { items: [] }), 404);
    await expectStatus(await call('GET', `/api/events/${event.id}/materials`, outsider.cookie), 404);
    const bad = await jsonOf<ErrorBody>(
      await put(
        host,
        {
          items: [
            { label: 'Slides', url: 'javascript:alert(1)' },
            { label: '', url: 'https://x.example' },
          ],
        },
        'ja',
      ),
      400,
    );
    expect(bad.error.fields?.['items.0.url']).toEqual(['https:// で始まるURLを入力してください。']);
    expect(bad.error.fields?.['items.1.label']).toBeDefined();
    const saved = await jsonOf<MaterialList>(
      await put(host, {
        items: [
          { label: 'Slides', url: 'https://files.example.com/slides.pdf' },
          { label: 'Recording', url: 'http://video.example.com/12' },
        ],
      }),
    );
    expect(saved.canEdit).toBe(true);
    const seen = await jsonOf<MaterialList>(
      await call('GET', `/api/events/${event.id}/materials`, aya.cookie),
    );
    expect(seen.canEdit).toBe(false);
    expect(seen.items.map((i) => [i.label, i.url])).toEqual([
      ['Slides', 'https://files.example.com/slides.pdf'],
      ['Recording', 'http://video.example.com/12'],
    ]);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'event.materials_updated'), eq(auditEvents.subjectId, event.id)));
    expect(audits).toHaveLength(1);
  });
});

describe('attendee export', () => {
  it('hosts and HR get a CSV of the directory-listed attendees, formulas neutralised; audited', async () => {
    await expectStatus(await call('GET', `/api/events/${event.id}/attendees.csv`), 401);
    await expectStatus(await call('GET', `/api/events/${event.id}/attendees.csv`, aya.cookie), 404);
    const res = await expectStatus(
      await call('GET', `/api/events/${event.id}/attendees.csv`, host.cookie, undefined, 'ja'),
      200,
    );
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('氏名,同伴者数,状況,受付日時');
    expect(lines.slice(1).sort()).toEqual(
      [
        "'=cmd|calc Evil,0,欠席,",
        'Aya Sato,0,受付済み,2027-02-01T08:55:00.000Z',
        'Dan Mori,0,受付済み,2027-02-01T08:55:00.000Z',
        'Eve Abe,0,受付済み,2027-02-01T08:55:00.000Z',
      ].sort(),
    );
    expect(text).not.toContain('Ben Ito');
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'event.attendees_exported'), eq(auditEvents.subjectId, event.id)));
    expect(audits.map((a) => [a.actorId, a.data])).toEqual([[host.member.id, { rows: 4 }]]);
  });
});

describe('who did you meet', () => {
  it('attendees see listed, unblocked fellow attendees (no-shows left out); others get 404', async () => {
    await expectStatus(await call('GET', `/api/events/${event.id}/fellow-attendees`), 401);
    await expectStatus(await call('GET', `/api/events/${event.id}/fellow-attendees`, outsider.cookie), 404);
    await expectStatus(await call('GET', `/api/events/${event.id}/fellow-attendees`, host.cookie), 404);
    const list = await jsonOf<FellowAttendeeList>(
      await call('GET', `/api/events/${event.id}/fellow-attendees`, aya.cookie),
    );
    expect(list.items).toEqual([{ id: dan.member.id, displayName: 'Dan Mori', connected: false }]);
    const fromDan = await jsonOf<FellowAttendeeList>(
      await call('GET', `/api/events/${event.id}/fellow-attendees`, dan.cookie),
    );
    expect(fromDan.items.map((i) => i.displayName)).toEqual(['Aya Sato', 'Eve Abe']);
  });
});

describe('HR statistics', () => {
  it('401, 404 for non-HR, 400 for a bad date; per event and per series', async () => {
    await expectStatus(await call('GET', '/api/admin/events/stats'), 401);
    await expectStatus(await call('GET', '/api/admin/events/stats', host.cookie), 404);
    await expectStatus(await call('GET', '/api/admin/events/stats?from=yesterday', hr.cookie), 400);
    // One more in line (counted as registered and waiting); the outsider's cancelled one is not counted.
    await registerTestMember(t, event.id, host.member.id, { status: 'waitlisted' });
    const stats = await jsonOf<EventStats>(
      await call('GET', '/api/admin/events/stats?from=2027-01-01', hr.cookie),
    );
    expect(stats.events.find((e) => e.id === event.id)).toMatchObject({
      title: 'Diagonal ties meetup',
      seriesId: SERIES,
      timeZone: 'Asia/Tokyo',
      registrations: 6,
      waitlisted: 1,
      confirmed: 5,
      checkedIn: 4,
      noShows: 1,
      attendanceRate: 0.8,
      noShowRate: 0.2,
    });
    expect(stats.series).toEqual([
      {
        id: SERIES,
        title: 'Mirai-juku',
        events: 1,
        registrations: 6,
        waitlisted: 1,
        confirmed: 5,
        checkedIn: 4,
        noShows: 1,
        attendanceRate: 0.8,
        noShowRate: 0.2,
      },
    ]);
  });
});
