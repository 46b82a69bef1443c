import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInList, CheckInResult, Ticket } from '#common/event-attendance';
import { auditEvents } from '#server/db/schema';
import { eventRegistrations } from '#server/db/schema/events';
import { fixedClock } from '#server/lib/clock';
import { addTestHost, createTestEvent, registerTestMember } from '#tests/factories/event-attendance';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { recordNoShows } from './events.checkin';

failOnConsoleError();
const clock = fixedClock('2027-01-15T08:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let host: Session;
let cohost: Session;
let aya: Session;
let ben: Session;
let outsider: Session;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let other: Awaited<ReturnType<typeof createTestEvent>>;
let ayaReg: Awaited<ReturnType<typeof registerTestMember>>;
let benReg: Awaited<ReturnType<typeof registerTestMember>>;
let otherReg: Awaited<ReturnType<typeof registerTestMember>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  host = await signedIn(t, { role: 'employee' });
  cohost = await signedIn(t, { role: 'alumni' });
  aya = await signedIn(t, { role: 'alumni', names: { familyName: 'Sato', givenName: 'Aya' } });
  ben = await signedIn(t, { role: 'employee', names: { familyName: 'Ito', givenName: 'Ben' } });
  outsider = await signedIn(t, { role: 'alumni' });
  // 18:00–20:00 in Tokyo; check-in opens 16:00 (07:00Z).
  event = await createTestEvent(t, { startsAt: new Date('2027-01-15T09:00:00Z') });
  other = await createTestEvent(t, { startsAt: new Date('2027-01-15T09:00:00Z') });
  await addTestHost(t, event.id, host.member.id, 'host');
  await addTestHost(t, event.id, cohost.member.id, 'cohost');
  ayaReg = await registerTestMember(t, event.id, aya.member.id, { guests: 1 });
  benReg = await registerTestMember(t, event.id, ben.member.id);
  await registerTestMember(t, event.id, outsider.member.id, { status: 'waitlisted' });
  otherReg = await registerTestMember(t, other.id, outsider.member.id);
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
const scan = (who: Session, code: string, lang = 'en', eventId = event.id) =>
  call('POST', `/api/events/${eventId}/check-in`, who.cookie, { code }, lang);

describe('ticket', () => {
  it('401, 400, 404 unless confirmed; the confirmed attendee gets the code and an SVG QR code', async () => {
    await expectStatus(await call('GET', `/api/events/${event.id}/ticket`), 401);
    await expectStatus(await call('GET', '/api/events/x/ticket', aya.cookie), 400);
    await expectStatus(await call('GET', `/api/events/${randomUUID()}/ticket`, aya.cookie), 404);
    await expectStatus(await call('GET', `/api/events/${event.id}/ticket`, outsider.cookie), 404); // waitlisted
    await expectStatus(await call('GET', `/api/events/${event.id}/ticket`, host.cookie), 404); // host, no seat
    const ticket = await jsonOf<Ticket>(await call('GET', `/api/events/${event.id}/ticket`, aya.cookie));
    expect(ticket).toMatchObject({
      eventId: event.id,
      code: ayaReg.checkInCode,
      guests: 1,
      checkedInAt: null,
    });
    expect(ticket.qrSvg.startsWith('<svg')).toBe(true);
    expect(ticket.title).toBe('Diagonal ties meetup');
  });
});

describe('the door list and check-in', () => {
  it('401 anonymous, 404 for attendees and outsiders, 400 for an empty code', async () => {
    await expectStatus(await call('GET', `/api/events/${event.id}/check-in`), 401);
    await expectStatus(await call('POST', `/api/events/${event.id}/check-in`, undefined, { code: 'X' }), 401);
    await expectStatus(await call('GET', `/api/events/${event.id}/check-in`, aya.cookie), 404);
    await expectStatus(await scan(aya, benReg.checkInCode), 404);
    await expectStatus(await scan(outsider, benReg.checkInCode), 404);
    const bad = await jsonOf<ErrorBody>(await scan(host, '   '), 400);
    expect(Object.keys(bad.error.fields ?? {})).toEqual(['code']);
  });

  it('HR manages every event, also one for named people it is not among (the one events policy, decision 043)', async () => {
    const named = await createTestEvent(t, {
      classification: 'confidential',
      audience: { memberIds: [aya.member.id] },
    });
    await registerTestMember(t, named.id, aya.member.id);
    const paths = ['check-in', 'survey/results', 'materials', 'calendar.ics', 'attendees.csv'];
    for (const path of paths) {
      await expectStatus(await call('GET', `/api/events/${named.id}/${path}`, hr.cookie), 200);
      await expectStatus(await call('GET', `/api/events/${named.id}/${path}`, outsider.cookie), 404);
    }
    await expectStatus(await call('GET', `/api/events/${named.id}/calendar.ics`, aya.cookie), 200);
  });

  it('is closed before two hours before the start, with the opening time in the host’s language', async () => {
    clock.set('2027-01-15T06:59:00Z');
    const en = await jsonOf<ErrorBody>(await scan(host, ayaReg.checkInCode), 400);
    expect(en.error.message).toBe('Check-in opens at 15 Jan 2027, 16:00, two hours before the start.');
    const ja = await jsonOf<ErrorBody>(await scan(host, ayaReg.checkInCode, 'ja'), 400);
    expect(ja.error.message).toBe('受付は開始2時間前の 2027/01/15 16:00 から行えます。');
  });

  it('checks in once; a second scan says when; the list and count follow; audited', async () => {
    clock.set('2027-01-15T08:30:00Z');
    const list = await jsonOf<CheckInList>(
      await call('GET', `/api/events/${event.id}/check-in`, cohost.cookie),
    );
    expect(list).toMatchObject({ confirmed: 2, checkedIn: 0, opensAt: '2027-01-15T07:00:00.000Z' });
    expect(list.items.map((i) => i.displayName)).toEqual(['Aya Sato', 'Ben Ito']);

    // Typed in lower case with a space: still the code.
    const typed = `${ayaReg.checkInCode.slice(0, 4).toLowerCase()} ${ayaReg.checkInCode.slice(4)}`;
    const first = await jsonOf<CheckInResult>(await scan(host, typed));
    expect(first).toMatchObject({
      result: 'checked_in',
      checkedIn: 1,
      confirmed: 2,
      message: 'Aya Sato is checked in.',
    });
    expect(first.attendee.checkedInAt).toBe('2027-01-15T08:30:00.000Z');

    clock.set('2027-01-15T08:45:00Z');
    const again = await jsonOf<CheckInResult>(await scan(hr, ayaReg.checkInCode, 'ja'));
    expect(again.result).toBe('already');
    expect(again.message).toBe('Aya Sato さんは 2027/01/15 17:30 に受付済みです。');
    expect(again.checkedIn).toBe(1);

    const [row] = await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, ayaReg.id));
    expect(row?.checkedInBy).toBe(host.member.id);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'event.checked_in'), eq(auditEvents.subjectId, ayaReg.id)));
    expect(audits).toHaveLength(1);

    const searched = await jsonOf<CheckInList>(
      await call('GET', `/api/events/${event.id}/check-in?q=aya`, host.cookie),
    );
    expect(searched.items.map((i) => [i.displayName, Boolean(i.checkedInAt)])).toEqual([['Aya Sato', true]]);
    expect(searched.checkedIn).toBe(1);
  });

  it('a code of another event, or no code at all, is not a ticket for this event (ja/en)', async () => {
    clock.set('2027-01-15T09:30:00Z');
    const en = await jsonOf<ErrorBody>(await scan(host, otherReg.checkInCode), 400);
    expect(en.error.message).toBe('This is not a ticket for this event.');
    expect(en.error.fields?.code).toEqual(['This is not a ticket for this event.']);
    const ja = await jsonOf<ErrorBody>(await scan(host, 'ZZZZZZZZ', 'ja'), 400);
    expect(ja.error.message).toBe('このイベントのチケットではありません。');
    // Ticket of the other event scanned at its own door works (HR may check in anywhere).
    await jsonOf<CheckInResult>(await scan(hr, otherReg.checkInCode, 'en', other.id));
  });

  it('is closed after the end; no-shows are recorded once it is over', async () => {
    clock.set('2027-01-15T11:01:00Z');
    const over = await jsonOf<ErrorBody>(await scan(host, benReg.checkInCode), 400);
    expect(over.error.message).toBe('The event has ended: check-in is closed.');
    // An event nobody was checked in at records no no-shows.
    const unused = await createTestEvent(t, { startsAt: new Date('2027-01-15T06:00:00Z') });
    const unusedReg = await registerTestMember(t, unused.id, ben.member.id);

    expect(await recordNoShows(t, clock.now())).toBe(1);
    expect(await recordNoShows(t, clock.now())).toBe(0);
    const rows = await t.db
      .select({ id: eventRegistrations.id, noShow: eventRegistrations.noShow })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, event.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.noShow]))).toMatchObject({
      [ayaReg.id]: false,
      [benReg.id]: true,
    });
    const [untouched] = await t.db
      .select({ noShow: eventRegistrations.noShow })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.id, unusedReg.id));
    expect(untouched?.noShow).toBe(false);
  });
});
