import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { addTestHost, createTestEvent, registerTestMember } from '#tests/factories/event-attendance';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { calendarIcs, confirmationIcs, eventIcs } from './events.ics';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
const env = testEnv();
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let alumnus: Session;
let employee: Session;
let host: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  alumnus = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
  host = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const call = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { method: 'GET', cookie, headers: { 'accept-language': lang } });

/** The file through a real iCalendar parser: the calendar's METHOD and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: vevents.map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
        sequence: event.sequence,
        summary: event.summary,
        description: event.description,
        location: event.location,
        status: v.getFirstPropertyValue('status'),
        url: v.getFirstPropertyValue('url'),
      };
    }),
  };
}

/** The wall-clock time of an instant in a zone, as "YYYY-MM-DD HH:mm". */
const wallClock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(at);

describe('calendar files', () => {
  const base = {
    id: '7b0c2f4e-3f7a-4c55-9a53-0a6c1d2e8f10',
    titleJa: '未来塾 #12',
    titleEn: 'Mirai-juku #12',
    descriptionJaMarkdown: 'ゲスト講師による講演です。',
    descriptionEnMarkdown: 'A lecture by a guest speaker.',
    format: 'hybrid' as const,
    venueName: 'Tokyo office',
    venueAddress: null,
    onlineUrl: 'https://meet.example.com/mirai-12',
    status: 'published' as const,
    sequence: 3,
    updatedAt: new Date('2026-12-01T00:00:00Z'),
  };
  const now = new Date('2026-12-07T03:00:00Z');

  it('an 18:00 Tokyo event is 09:00 UTC, with a stable UID, the sequence and the language', () => {
    const event = {
      ...base,
      startsAt: new Date('2027-01-15T09:00:00Z'),
      endsAt: new Date('2027-01-15T11:00:00Z'),
    };
    const text = eventIcs(env, { event, locale: 'ja', withOnlineUrl: false, method: 'PUBLISH', now });
    expect(text).toContain('DTSTART:20270115T090000Z\r\n');
    expect(text).toContain('DTEND:20270115T110000Z\r\n');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const parsed = parse(text);
    expect(parsed.method).toBe('PUBLISH');
    const [vevent] = parsed.events;
    expect(vevent?.uid).toBe(`${base.id}@localhost`);
    expect(vevent?.startIsUtc).toBe(true);
    expect(wallClock(vevent?.start as Date, 'Asia/Tokyo')).toBe('2027-01-15 18:00');
    expect(wallClock(vevent?.end as Date, 'Asia/Tokyo')).toBe('2027-01-15 20:00');
    expect(vevent?.sequence).toBe(3);
    expect(vevent?.summary).toBe('未来塾 #12');
    expect(vevent?.status).toBe('CONFIRMED');
    expect(vevent?.url).toBe(`http://localhost:3000/events/${base.id}`);
    expect(vevent?.description).toContain('ゲスト講師による講演です。');
    expect(vevent?.description).toContain(`http://localhost:3000/events/${base.id}`);
    // Not confirmed: no online link anywhere in the file.
    expect(text).not.toContain('meet.example.com');
    expect(vevent?.location).toBe('Tokyo office / オンライン');
  });

  it('a 19:00 São Paulo event is 22:00 UTC; English summary; the confirmed attendee gets the link', () => {
    const event = {
      ...base,
      startsAt: new Date('2027-03-10T22:00:00Z'),
      endsAt: new Date('2027-03-10T23:30:00Z'),
    };
    const text = confirmationIcs(event, { status: 'confirmed' }, 'en', env, now);
    expect(text).toContain('DTSTART:20270310T220000Z\r\n');
    const parsed = parse(text);
    expect(parsed.method).toBe('REQUEST');
    const [vevent] = parsed.events;
    expect(wallClock(vevent?.start as Date, 'America/Sao_Paulo')).toBe('2027-03-10 19:00');
    expect(wallClock(vevent?.end as Date, 'America/Sao_Paulo')).toBe('2027-03-10 20:30');
    expect(vevent?.summary).toBe('Mirai-juku #12');
    expect(vevent?.location).toBe('Tokyo office / https://meet.example.com/mirai-12');
    expect(vevent?.description).toContain('Join online: https://meet.example.com/mirai-12');
    expect(text).toContain('ORGANIZER;CN="Kizuna":mailto:no-reply@kizuna.local');
  });

  it('a cancelled event: METHOD:CANCEL and STATUS:CANCELLED in a mail, same UID, the new sequence', () => {
    const event = {
      ...base,
      status: 'cancelled' as const,
      sequence: 4,
      startsAt: new Date('2027-01-15T09:00:00Z'),
      endsAt: new Date('2027-01-15T11:00:00Z'),
    };
    const parsed = parse(eventIcs(env, { event, locale: 'en', withOnlineUrl: true, method: 'REQUEST', now }));
    expect(parsed.method).toBe('CANCEL');
    expect(parsed.events[0]).toMatchObject({ uid: `${base.id}@localhost`, status: 'CANCELLED', sequence: 4 });
    // A download of a cancelled event stays PUBLISH, with the status.
    const download = parse(
      eventIcs(env, { event, locale: 'en', withOnlineUrl: false, method: 'PUBLISH', now }),
    );
    expect(download.method).toBe('PUBLISH');
    expect(download.events[0]?.status).toBe('CANCELLED');
  });

  it('escapes commas, semicolons and line breaks in texts', () => {
    const event = {
      ...base,
      titleEn: 'Talk; Q&A, drinks',
      descriptionEnMarkdown: 'Line one\nLine two, with a comma',
      startsAt: new Date('2027-01-15T09:00:00Z'),
      endsAt: new Date('2027-01-15T11:00:00Z'),
    };
    const text = calendarIcs(env, {
      method: 'PUBLISH',
      now,
      entries: [{ event, locale: 'en', withOnlineUrl: false }],
    });
    expect(text).toContain('SUMMARY:Talk\\; Q&A\\, drinks');
    const [vevent] = parse(text).events;
    expect(vevent?.summary).toBe('Talk; Q&A, drinks');
    expect(vevent?.description?.startsWith('Line one\nLine two, with a comma')).toBe(true);
  });
});

describe('GET /api/events/:id/calendar.ics', () => {
  it('401 anonymous, 400 for a bad id, 404 for an unknown, hidden or draft event', async () => {
    const event = await createTestEvent(t);
    expect((await call(`/api/events/${event.id}/calendar.ics`)).status).toBe(401);
    expect((await call('/api/events/not-an-id/calendar.ics', alumnus.cookie)).status).toBe(400);
    expect((await call(`/api/events/${crypto.randomUUID()}/calendar.ics`, alumnus.cookie)).status).toBe(404);
    const internal = await createTestEvent(t, { classification: 'internal' });
    expect((await call(`/api/events/${internal.id}/calendar.ics`, alumnus.cookie)).status).toBe(404);
    expect((await call(`/api/events/${internal.id}/calendar.ics`, employee.cookie)).status).toBe(200);
    const draft = await createTestEvent(t, { status: 'draft' });
    expect((await call(`/api/events/${draft.id}/calendar.ics`, alumnus.cookie)).status).toBe(404);
    await addTestHost(t, draft.id, host.member.id);
    expect((await call(`/api/events/${draft.id}/calendar.ics`, host.cookie)).status).toBe(200);
  });

  it('anyone who sees the event downloads it; the online link only with a confirmed seat', async () => {
    const event = await createTestEvent(t, {
      format: 'online',
      venueName: null,
      venueAddress: null,
      onlineUrl: 'https://meet.example.com/secret-room',
      timeZone: 'America/Sao_Paulo',
      startsAt: new Date('2027-02-01T22:00:00Z'),
      endsAt: new Date('2027-02-01T23:00:00Z'),
    });
    const res = await call(`/api/events/${event.id}/calendar.ics`, alumnus.cookie, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.headers.get('content-disposition')).toContain(`event-${event.id}.ics`);
    const text = await res.text();
    expect(text).not.toContain('secret-room');
    const [vevent] = parse(text).events;
    expect(vevent?.location).toBe('Online');
    expect(vevent?.summary).toBe('Diagonal ties meetup');
    expect(wallClock(vevent?.start as Date, 'America/Sao_Paulo')).toBe('2027-02-01 19:00');

    await registerTestMember(t, event.id, employee.member.id, { status: 'waitlisted' });
    expect(await (await call(`/api/events/${event.id}/calendar.ics`, employee.cookie)).text()).not.toContain(
      'secret-room',
    );
    await registerTestMember(t, event.id, alumnus.member.id);
    const confirmed = await (await call(`/api/events/${event.id}/calendar.ics`, alumnus.cookie, 'ja')).text();
    expect(parse(confirmed).events[0]?.location).toBe('https://meet.example.com/secret-room');
    expect(parse(confirmed).events[0]?.summary).toBe('ナナメのつながり交流会');
  });
});
