import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event, EventPage, HostRegistrationList, MyRegistration, Series } from '#common/events';
import {
  auditEvents,
  eventRegistrations,
  events,
  mailMessages,
  notifications,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { ATTACHMENTS_HEADER } from '#server/lib/outbox';
import { createTestEvent, createTestSeries, eventInput } from '#tests/factories/events';
import { createTestGroup } from '#tests/factories/groups';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const NOW = new Date('2026-12-07T03:00:00Z');
const clock = fixedClock(NOW);
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let alumnus2: Session;
let employee: Session;
let groupie: Session;
let groupId: string;

const MISSING = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni' });
  alumnus2 = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
  groupie = await signedIn(t, { role: 'alumni' });
  groupId = (await createTestGroup(t, { members: [groupie.member.id] })).id;
});
afterAll(() => t.close());

const call = (method: string, path: string, who?: Session | null, json?: unknown, lang = 'en') =>
  t.request(path, { method, cookie: who?.cookie, json, headers: { 'accept-language': lang } });
const expectStatus = async (res: Response, status: number) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
};
const jsonOf = async <T>(res: Response, status = 200) =>
  (await (await expectStatus(res, status)).json()) as T;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };
const create = async (overrides: Parameters<typeof eventInput>[1] = {}) =>
  jsonOf<Event>(await call('POST', '/api/events', hr, eventInput(NOW, overrides)), 201);

describe('creating events (HR)', () => {
  it('401 anonymous, 404 for members, 400 in Japanese for bad input', async () => {
    await expectStatus(await call('POST', '/api/events', null, eventInput(NOW)), 401);
    await expectStatus(await call('POST', '/api/events', alumnus, eventInput(NOW)), 404);
    await expectStatus(await call('POST', '/api/events', employee, eventInput(NOW)), 404);
    const bad = await jsonOf<ErrorBody>(
      await call(
        'POST',
        '/api/events',
        hr,
        eventInput(NOW, {
          startsAt: '2026-12-20T19:00:00+09:00',
          endsAt: '2026-12-20T18:00:00+09:00',
          capacity: 0,
          timeZone: 'Mars/Olympus',
          onlineUrl: 'ftp://example.com',
          guestLimit: 11,
        }),
        'ja',
      ),
      400,
    );
    expect(bad.error.fields?.endsAt).toEqual(['終了日時は開始日時より後にしてください。']);
    expect(bad.error.fields?.timeZone).toEqual(['Asia/Tokyo のようなタイムゾーン名を入力してください。']);
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(
      ['capacity', 'endsAt', 'guestLimit', 'onlineUrl', 'timeZone'].sort(),
    );
    const past = await jsonOf<ErrorBody>(
      await call(
        'POST',
        '/api/events',
        hr,
        eventInput(NOW, { startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T12:00:00Z' }),
        'ja',
      ),
      400,
    );
    expect(past.error.fields?.startsAt).toEqual([
      '開始日時がすでに過ぎています。これから先の日時を選んでください。',
    ]);
    const negative = await jsonOf<ErrorBody>(
      await call('POST', '/api/events', hr, eventInput(NOW, { capacity: -5, titleJa: null, titleEn: ' ' })),
      400,
    );
    expect(negative.error.fields?.capacity).toEqual(['Must be at least 1.']);
    expect(negative.error.fields?.titleJa).toEqual(['Enter a title in Japanese or English.']);
    expect(await t.db.select().from(events)).toHaveLength(0);
  });

  it('a start that is not a string is a 400, not a 500 (found by the fuzz suite)', async () => {
    const body = { ...eventInput(NOW), startsAt: { toString: 1357572350 } };
    const bad = await jsonOf<ErrorBody>(await call('POST', '/api/events', hr, body), 400);
    expect(bad.error.fields?.startsAt).toBeDefined();
  });

  it('creates a lecture in a series, rendered safely, HR as its host; audited', async () => {
    const series = await createTestSeries(t);
    const event = await create({
      seriesId: series.id,
      seriesNumber: 12,
      descriptionJa: '**大切**な話 <script>alert(1)</script>',
      cohostIds: [employee.member.id],
      speakers: [
        { userId: alumnus2.member.id, topic: '転職のあと' },
        { name: 'Guest', affiliation: 'Acme' },
      ],
    });
    expect(event.descriptionJaHtml).toContain('<strong>大切</strong>');
    expect(event.descriptionJaHtml).not.toContain('<script>');
    expect(event.series).toEqual({ id: series.id, titleJa: '未来塾', titleEn: 'Mirai Juku', number: 12 });
    expect(event.hosts.map((h) => [h.id, h.role])).toEqual(
      expect.arrayContaining([
        [hr.member.id, 'host'],
        [employee.member.id, 'cohost'],
        [alumnus2.member.id, 'speaker'],
      ]),
    );
    expect(event.speakers[0]?.member?.id).toBe(alumnus2.member.id);
    expect(event.canManage).toBe(true);
    expect(event.onlineUrl).toBe('https://meet.example.com/mirai-12');
    const [entry] = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, event.id));
    expect(entry?.action).toBe('event.created');

    const page = await jsonOf<Series>(await call('GET', `/api/event-series/${series.id}`, alumnus));
    expect(page.events.map((e) => e.id)).toEqual([event.id]);
    await expectStatus(await call('GET', `/api/event-series/${MISSING}`, alumnus), 404);
  });

  it('repeats a series date weekly at the same wall-clock time, across a daylight-saving change', async () => {
    const series = await createTestSeries(t);
    // 19:00 in London on Thursday 18 March 2027; British Summer Time starts on the 28th.
    const first = await create({
      seriesId: series.id,
      seriesNumber: 3,
      startsAt: '2027-03-18T19:00:00Z',
      endsAt: '2027-03-18T21:00:00Z',
      registrationClosesAt: '2027-03-18T12:00:00Z',
      timeZone: 'Europe/London',
      repeat: { frequency: 'weekly', interval: 1, count: 3 },
    });
    expect(first.series?.number).toBe(3);
    const page = await jsonOf<Series>(await call('GET', `/api/event-series/${series.id}`, alumnus));
    const dates = page.events.map((e) => [e.series?.number ?? null, e.startsAt, e.endsAt]);
    expect(dates).toEqual([
      [3, '2027-03-18T19:00:00.000Z', '2027-03-18T21:00:00.000Z'],
      [4, '2027-03-25T19:00:00.000Z', '2027-03-25T21:00:00.000Z'],
      // 19:00 BST is 18:00 UTC.
      [5, '2027-04-01T18:00:00.000Z', '2027-04-01T20:00:00.000Z'],
    ]);
    const last = await jsonOf<Event>(await call('GET', `/api/events/${page.events[2]?.id}`, alumnus));
    expect(last.registrationClosesAt).toBe('2027-04-01T11:00:00.000Z');

    // Repeating needs a series; a count outside 2–12 is refused; nothing is written.
    const before = (await t.db.select().from(events)).length;
    const bad = await jsonOf<ErrorBody>(
      await call(
        'POST',
        '/api/events',
        hr,
        eventInput(NOW, { repeat: { frequency: 'monthly', count: 13 } }),
        'ja',
      ),
      400,
    );
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['repeat', 'repeat.count']);
    expect(bad.error.fields?.repeat).toEqual([
      '繰り返しの開催はシリーズに属します。先にシリーズを選んでください。',
    ]);
    expect((await t.db.select().from(events)).length).toBe(before);
  });
});

describe('who sees an event', () => {
  it('drafts: hosts and HR only; publishing opens it', async () => {
    const draft = await create({ status: 'draft', cohostIds: [employee.member.id] });
    await expectStatus(await call('GET', `/api/events/${draft.id}`, null), 401);
    await expectStatus(await call('GET', `/api/events/${draft.id}`, alumnus), 404);
    await expectStatus(await call('GET', `/api/events/${draft.id}`, employee), 200);
    await expectStatus(await call('POST', `/api/events/${draft.id}/publish`, alumnus), 404);
    const published = await jsonOf<Event>(await call('POST', `/api/events/${draft.id}/publish`, employee));
    expect(published.status).toBe('published');
    await expectStatus(await call('POST', `/api/events/${draft.id}/publish`, hr), 409);
    await expectStatus(await call('GET', `/api/events/${draft.id}`, alumnus), 200);
  });

  it('internal events never reach alumni; group events reach the group', async () => {
    const internal = await create({ audience: { preset: 'employees' } });
    await expectStatus(await call('GET', `/api/events/${internal.id}`, alumnus), 404);
    await expectStatus(await call('GET', `/api/events/${internal.id}`, employee), 200);
    await expectStatus(
      await call('POST', `/api/events/${internal.id}/registration`, alumnus, { guests: 0 }),
      404,
    );
    const chapter = await create({ kind: 'meetup', audience: { preset: 'group', groupId } });
    expect(chapter.group?.id).toBe(groupId);
    await expectStatus(await call('GET', `/api/events/${chapter.id}`, alumnus), 404);
    await expectStatus(await call('GET', `/api/events/${chapter.id}`, groupie), 200);
    const named = await create({ audience: { preset: 'people', memberIds: [alumnus2.member.id] } });
    await expectStatus(await call('GET', `/api/events/${named.id}`, alumnus), 404);
    await expectStatus(await call('GET', `/api/events/${named.id}`, alumnus2), 200);
    const unknownGroup = await jsonOf<ErrorBody>(
      await call(
        'POST',
        '/api/events',
        hr,
        eventInput(NOW, { audience: { preset: 'group', groupId: MISSING } }),
      ),
      400,
    );
    expect(unknownGroup.error.fields?.['audience.groupId']).toEqual([
      'This group does not exist or is not open.',
    ]);
    await expectStatus(await call('GET', `/api/events/${MISSING}`, alumnus), 404);
  });
});

describe('registering', () => {
  it('checks guests and answers in the member’s language; the link shows once confirmed; a repeat answers the same', async () => {
    const event = await create({
      guestLimit: 1,
      questions: [
        { id: 'diet', labelJa: '食事の制限', kind: 'text', required: true },
        {
          id: 'track',
          labelEn: 'Track',
          kind: 'choice',
          options: [
            { id: 'a', labelEn: 'A' },
            { id: 'b', labelEn: 'B' },
          ],
        },
      ],
    });
    const before = await jsonOf<Event>(await call('GET', `/api/events/${event.id}`, alumnus));
    expect([before.onlineUrl, before.onlineUrlHidden, before.myRegistration]).toEqual([null, true, null]);
    await expectStatus(await call('POST', `/api/events/${event.id}/registration`, null, { guests: 0 }), 401);
    const bad = await jsonOf<ErrorBody>(
      await call(
        'POST',
        `/api/events/${event.id}/registration`,
        alumnus,
        { guests: 2, answers: { track: 'z' } },
        'ja',
      ),
      400,
    );
    expect(bad.error.fields).toEqual({
      guests: ['このイベントに同伴できるのは1名までです。'],
      'answers.diet': ['この質問にお答えください。'],
      'answers.track': ['選択肢から選んでください。'],
    });
    expect(
      await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)),
    ).toHaveLength(0);

    const mine = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration`, alumnus, {
        guests: 1,
        answers: { diet: 'なし', track: 'b', unknown: 'dropped' },
      }),
      201,
    );
    expect(mine.status).toBe('confirmed');
    expect(mine.answers).toEqual({ diet: 'なし', track: 'b' });
    expect(mine.checkInCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const repeat = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration`, alumnus, { guests: 0, answers: {} }),
      200,
    );
    expect(repeat.id).toBe(mine.id);
    const after = await jsonOf<Event>(await call('GET', `/api/events/${event.id}`, alumnus));
    expect([after.onlineUrl, after.seatsLeft, after.myRegistration?.status]).toEqual([
      'https://meet.example.com/mirai-12',
      28,
      'confirmed',
    ]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alumnus.member.id), eq(notifications.type, 'event_confirmed')));
    expect(told).toHaveLength(1);

    const released = await jsonOf<MyRegistration>(
      await call('DELETE', `/api/events/${event.id}/registration`, alumnus),
    );
    expect([released.status, released.cancelReason]).toEqual(['cancelled', 'member']);
    await expectStatus(await call('DELETE', `/api/events/${event.id}/registration`, alumnus), 404);
    await expectStatus(await call('POST', `/api/events/${event.id}/registration/claim`, alumnus), 404);
  });

  it('outside the registration window, or for a past event: a clear message', async () => {
    const later = await create({ registrationOpensAt: new Date(NOW.getTime() + DAY).toISOString() });
    const notYet = await jsonOf<ErrorBody>(
      await call('POST', `/api/events/${later.id}/registration`, alumnus, { guests: 0 }, 'ja'),
      400,
    );
    expect(notYet.error.message).toBe('このイベントの申込受付はまだ始まっていません。');
    const closed = await createTestEvent(t, {
      now: NOW,
      registrationClosesAt: new Date(NOW.getTime() - 1000),
    });
    const closedAnswer = await jsonOf<ErrorBody>(
      await call('POST', `/api/events/${closed.id}/registration`, alumnus, { guests: 0 }),
      400,
    );
    expect(closedAnswer.error.message).toBe('Registration for this event has closed.');
    const past = await createTestEvent(t, { now: NOW, startsAt: new Date(NOW.getTime() - DAY) });
    await expectStatus(
      await call('POST', `/api/events/${past.id}/registration`, alumnus, { guests: 0 }),
      400,
    );
  });

  it('approval events: pending until a host approves or declines', async () => {
    const event = await create({ requiresApproval: true, cohostIds: [employee.member.id] });
    const asked = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration`, alumnus, { guests: 0 }),
      201,
    );
    const asked2 = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration`, alumnus2, { guests: 0 }),
      201,
    );
    expect(asked.status).toBe('pending');
    await expectStatus(await call('GET', `/api/events/${event.id}/registrations`, alumnus), 404);
    const list = await jsonOf<HostRegistrationList>(
      await call('GET', `/api/events/${event.id}/registrations`, employee),
    );
    expect(list.counts.pending).toBe(2);
    await expectStatus(
      await call('POST', `/api/events/${event.id}/registrations/${asked.id}/approve`, alumnus2),
      404,
    );
    const approved = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registrations/${asked.id}/approve`, employee),
    );
    expect(approved.status).toBe('confirmed');
    await expectStatus(
      await call('POST', `/api/events/${event.id}/registrations/${asked.id}/approve`, employee),
      409,
    );
    const declined = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registrations/${asked2.id}/decline`, hr),
    );
    expect([declined.status, declined.cancelReason]).toEqual(['cancelled', 'declined']);
    const [entry] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, asked.id), eq(auditEvents.action, 'event.registration_approved')));
    expect(entry?.actorId).toBe(employee.member.id);
  });
});

describe('changing and cancelling', () => {
  it('capacity below the seats taken is refused with the count; raising it offers seats; time changes bump the sequence', async () => {
    const event = await create({ capacity: 2, guestLimit: 1, cohostIds: [employee.member.id] });
    await call('POST', `/api/events/${event.id}/registration`, alumnus, { guests: 1 });
    const waiting = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration`, alumnus2, { guests: 0 }),
      201,
    );
    expect([waiting.status, waiting.waitlistPosition]).toEqual(['waitlisted', 1]);

    await expectStatus(await call('PATCH', `/api/events/${event.id}`, alumnus, { capacity: 5 }), 404);
    await expectStatus(await call('PATCH', `/api/events/${event.id}`, null, { capacity: 5 }), 401);
    const refused = await jsonOf<ErrorBody>(
      await call('PATCH', `/api/events/${event.id}`, employee, { capacity: 1 }, 'ja'),
      400,
    );
    expect(refused.error.fields?.capacity?.[0]).toContain('すでに2席が埋まっています');
    const moved = await jsonOf<ErrorBody>(
      await call('PATCH', `/api/events/${event.id}`, employee, { startsAt: '2026-12-06T10:00:00Z' }),
      400,
    );
    expect(Object.keys(moved.error.fields ?? {})).toContain('startsAt');

    const raised = await jsonOf<Event>(
      await call('PATCH', `/api/events/${event.id}`, employee, { capacity: 3 }),
    );
    expect(raised.capacity).toBe(3);
    const offered = await jsonOf<Event>(await call('GET', `/api/events/${event.id}`, alumnus2));
    expect(offered.myRegistration?.status).toBe('offered');
    expect(offered.seatsLeft).toBe(0);
    const claimed = await jsonOf<MyRegistration>(
      await call('POST', `/api/events/${event.id}/registration/claim`, alumnus2),
    );
    expect(claimed.status).toBe('confirmed');

    const start = new Date(NOW.getTime() + 8 * DAY);
    const changed = await jsonOf<Event>(
      await call('PATCH', `/api/events/${event.id}`, employee, {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      }),
    );
    expect(changed.sequence).toBe(event.sequence + 1);
    const toldOfChange = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alumnus.member.id), eq(notifications.type, 'event_changed')));
    expect(toldOfChange).toHaveLength(1);
  });

  it('cancelling an event cancels every registration and tells the registrants', async () => {
    const event = await create();
    await call('POST', `/api/events/${event.id}/registration`, alumnus, { guests: 0 });
    await expectStatus(await call('POST', `/api/events/${event.id}/cancel`, alumnus), 404);
    const cancelled = await jsonOf<Event>(await call('POST', `/api/events/${event.id}/cancel`, hr));
    expect([cancelled.status, cancelled.registrationState, cancelled.sequence]).toEqual([
      'cancelled',
      'cancelled',
      event.sequence + 1,
    ]);
    const rows = await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
    expect(rows.map((r) => [r.status, r.cancelReason])).toEqual([['cancelled', 'event_cancelled']]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alumnus.member.id), eq(notifications.type, 'event_cancelled')));
    expect(told).toHaveLength(1);
    await expectStatus(await call('POST', `/api/events/${event.id}/cancel`, hr), 409);
    await expectStatus(
      await call('POST', `/api/events/${event.id}/registration`, alumnus, { guests: 0 }),
      400,
    );
  });
});

describe('mails with the calendar file', () => {
  const mailsOf = async (userId: string, eventId: string) =>
    (
      await t.db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.userId, userId), eq(mailMessages.subjectId, eventId)))
    ).map((m) => ({
      kind: m.kind,
      subject: m.subject,
      ics: JSON.parse((m.headers as Record<string, string> | null)?.[ATTACHMENTS_HEADER] ?? '[]')
        .map((a: { content: string }) => a.content)
        .join(''),
    }));

  it('confirmation, a moved time and the cancellation each carry the .ics: UID kept, SEQUENCE up, CANCEL last', async () => {
    const event = await create();
    await expectStatus(
      await call('POST', `/api/events/${event.id}/registration`, alumnus2, { guests: 0 }, 'ja'),
      201,
    );
    const [confirmed] = await mailsOf(alumnus2.member.id, event.id);
    expect(confirmed?.kind).toBe('event_confirmed');
    expect(confirmed?.ics).toMatch(/METHOD:REQUEST/);
    const uid = /UID:(.+)/.exec(confirmed?.ics ?? '')?.[1]?.trim();
    expect(uid).toBeTruthy();

    const later = new Date(new Date(event.startsAt).getTime() + 3_600_000).toISOString();
    const laterEnd = new Date(new Date(event.endsAt).getTime() + 3_600_000).toISOString();
    await expectStatus(
      await call('PATCH', `/api/events/${event.id}`, hr, { startsAt: later, endsAt: laterEnd }),
      200,
    );
    const changed = (await mailsOf(alumnus2.member.id, event.id)).find((m) => m.kind === 'event_changed');
    expect(changed?.ics).toContain(`UID:${uid}`);
    expect(changed?.ics).toMatch(/SEQUENCE:1\b/);

    await expectStatus(await call('POST', `/api/events/${event.id}/cancel`, hr), 200);
    const cancelled = (await mailsOf(alumnus2.member.id, event.id)).find((m) => m.kind === 'event_cancelled');
    expect(cancelled?.ics).toMatch(/METHOD:CANCEL/);
    expect(cancelled?.ics).toMatch(/STATUS:CANCELLED/);
    expect(cancelled?.ics).toContain(`UID:${uid}`);
    // Told once about the cancellation (not once by the registration and again by the notice).
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alumnus2.member.id), eq(notifications.type, 'event_cancelled')));
    expect(told).toHaveLength(1);
  });
});

describe('the calendar', () => {
  it('lists upcoming events by start with keyset paging and filters; past events apart', async () => {
    const group = await createTestGroup(t, { members: [alumnus.member.id] });
    const base = NOW.getTime() + 40 * DAY;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await createTestEvent(t, {
          now: NOW,
          startsAt: new Date(base + i * 3_600_000),
          format: i % 2 === 0 ? 'online' : 'in_person',
          kind: i === 4 ? 'lecture' : 'meetup',
          language: i === 3 ? 'en' : 'ja',
          groupId: group.id,
          audience: { groupIds: [group.id] },
        }),
      );
    }
    const past = await createTestEvent(t, {
      now: NOW,
      startsAt: new Date(NOW.getTime() - 3 * DAY),
      groupId: group.id,
    });
    await expectStatus(await call('GET', '/api/events', null), 401);
    const first = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&limit=2`, alumnus),
    );
    expect(first.items.map((e) => e.id)).toEqual(made.slice(0, 2).map((e) => e.id));
    const second = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&limit=2&cursor=${first.nextCursor}`, alumnus),
    );
    expect(second.items.map((e) => e.id)).toEqual(made.slice(2, 4).map((e) => e.id));
    const online = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&place=online`, alumnus),
    );
    expect(online.items.map((e) => e.id)).toEqual([made[0], made[2], made[4]].map((e) => e?.id));
    const lectures = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&kind=lecture`, alumnus),
    );
    expect(lectures.items.map((e) => e.id)).toEqual([made[4]?.id]);
    const english = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&language=en`, alumnus),
    );
    expect(english.items.map((e) => e.id)).toEqual([made[3]?.id]);
    const month = new Date(base).toISOString().slice(0, 7);
    const inMonth = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&month=${month}`, alumnus),
    );
    expect(inMonth.items).toHaveLength(5);
    const pastPage = await jsonOf<EventPage>(
      await call('GET', `/api/events?groupId=${group.id}&when=past`, alumnus),
    );
    expect(pastPage.items.map((e) => e.id)).toEqual([past.id]);
    // Outside the group audience: nothing.
    const outside = await jsonOf<EventPage>(await call('GET', `/api/events?groupId=${group.id}`, alumnus2));
    expect(outside.items).toEqual([]);
    const bad = await jsonOf<ErrorBody>(
      await call('GET', '/api/events?month=2026-13&cursor=garbage', alumnus),
      400,
    );
    expect(Object.keys(bad.error.fields ?? {})).toContain('month');
  });
});
