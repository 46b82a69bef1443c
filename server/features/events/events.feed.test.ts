import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeedCreated, CalendarFeedState } from '#common/event-attendance';
import { calendarFeeds } from '#server/db/schema/events';
import { fixedClock } from '#server/lib/clock';
import { createTestEvent, registerTestMember } from '#tests/factories/event-attendance';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2027-03-01T00:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let aya: Session;
let ben: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  aya = await signedIn(t, { role: 'alumni', locale: 'en' });
  ben = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const call = (method: string, path: string, cookie?: string) =>
  t.request(path, { method, cookie, headers: { 'accept-language': 'en' } });
const pathOf = (url: string) => new URL(url).pathname;
const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => [v.getFirstPropertyValue('summary'), v.getFirstPropertyValue('status')]);

describe('personal calendar feed', () => {
  it('401 anonymous for managing it; the URL is shown once, only its hash is stored', async () => {
    expect((await call('POST', '/api/me/calendar-feed')).status).toBe(401);
    expect((await call('GET', '/api/me/calendar-feed')).status).toBe(401);
    expect((await call('DELETE', '/api/me/calendar-feed')).status).toBe(401);
    expect(await (await call('GET', '/api/me/calendar-feed', aya.cookie)).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const res = await call('POST', '/api/me/calendar-feed', aya.cookie);
    expect(res.status).toBe(201);
    const created = (await res.json()) as CalendarFeedCreated;
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = pathOf(created.url).slice('/api/calendar/'.length, -'.ics'.length);
    const [row] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, aya.member.id));
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const state = (await (
      await call('GET', '/api/me/calendar-feed', aya.cookie)
    ).json()) as CalendarFeedState;
    expect(state.active).toBe(true);
  });

  it('lists my seats of the last 30 days and the future, cancelled events as CANCELLED; no session needed', async () => {
    const make = (titleEn: string, startsAt: string, extra: Parameters<typeof createTestEvent>[1] = {}) =>
      createTestEvent(t, { titleEn, startsAt: new Date(startsAt), ...extra });
    const upcoming = await make('Upcoming', '2027-03-10T09:00:00Z', {
      format: 'online',
      onlineUrl: 'https://meet.example.com/feed-room',
    });
    const recent = await make('Recent', '2027-02-15T09:00:00Z');
    const old = await make('Old', '2027-01-10T09:00:00Z');
    const offered = await make('Offered', '2027-03-12T09:00:00Z', {
      format: 'online',
      onlineUrl: 'https://meet.example.com/not-yours',
    });
    const waitlisted = await make('Waitlisted', '2027-03-13T09:00:00Z');
    const released = await make('Released', '2027-03-14T09:00:00Z');
    const called = await make('Called off', '2027-03-15T09:00:00Z', { status: 'cancelled', sequence: 2 });
    const internal = await make('Internal', '2027-03-16T09:00:00Z', { classification: 'internal' });
    await registerTestMember(t, upcoming.id, aya.member.id);
    await registerTestMember(t, recent.id, aya.member.id);
    await registerTestMember(t, old.id, aya.member.id);
    await registerTestMember(t, offered.id, aya.member.id, { status: 'offered' });
    await registerTestMember(t, waitlisted.id, aya.member.id, { status: 'waitlisted' });
    await registerTestMember(t, released.id, aya.member.id, { status: 'cancelled', cancelReason: 'member' });
    await registerTestMember(t, called.id, aya.member.id, {
      status: 'cancelled',
      cancelReason: 'event_cancelled',
    });
    await registerTestMember(t, internal.id, aya.member.id);
    await registerTestMember(t, upcoming.id, ben.member.id);

    const created = (await (
      await call('POST', '/api/me/calendar-feed', aya.cookie)
    ).json()) as CalendarFeedCreated;
    const res = await call('GET', pathOf(created.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(summaries(text)).toEqual([
      ['Recent', 'CONFIRMED'],
      ['Upcoming', 'CONFIRMED'],
      ['Offered', 'CONFIRMED'],
      ['Called off', 'CANCELLED'],
    ]);
    expect(text).toContain('feed-room');
    expect(text).not.toContain('not-yours');
    expect(text).toContain('X-WR-CALNAME:Kizuna events');
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it('rotating replaces the address; revoking ends it (404)', async () => {
    const first = (await (
      await call('POST', '/api/me/calendar-feed', ben.cookie)
    ).json()) as CalendarFeedCreated;
    expect((await call('GET', pathOf(first.url))).status).toBe(200);
    const second = (await (
      await call('POST', '/api/me/calendar-feed', ben.cookie)
    ).json()) as CalendarFeedCreated;
    expect(second.url).not.toBe(first.url);
    expect((await call('GET', pathOf(first.url))).status).toBe(404);
    expect((await call('GET', pathOf(second.url))).status).toBe(200);
    expect((await call('DELETE', '/api/me/calendar-feed', ben.cookie)).status).toBe(204);
    expect((await call('GET', pathOf(second.url))).status).toBe(404);
    expect(await (await call('GET', '/api/me/calendar-feed', ben.cookie)).json()).toEqual({
      active: false,
      createdAt: null,
    });
    expect((await call('GET', '/api/calendar/short.ics')).status).toBe(400);
  });

  it('guessing is rate-limited per address (429 with Retry-After)', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await call('GET', `/api/calendar/${'x'.repeat(40)}${String(i).padStart(3, '0')}.ics`);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(404);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
