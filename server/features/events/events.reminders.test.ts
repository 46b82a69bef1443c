import { and, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, notificationPreferences, notifications } from '#server/db/schema';
import { eventReminders } from '#server/db/schema/events';
import { runNotificationMail } from '#server/features/notifications/notifications.jobs';
import { fixedClock } from '#server/lib/clock';
import { dispatchMail, splitStoredHeaders } from '#server/lib/outbox';
import { createTestEvent, registerTestMember, updateTestEvent } from '#tests/factories/event-attendance';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { announceEventChange } from './events.notices';
import { runEventReminders } from './events.reminders';

failOnConsoleError();
const HOUR = 60 * 60 * 1000;
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const mailsAbout = (eventId: string) =>
  t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, eventId)).orderBy(mailMessages.createdAt);
const remindersOf = (registrationIds: string[]) =>
  t.db.select().from(eventReminders).where(inArray(eventReminders.registrationId, registrationIds));
const icsOf = (row: { headers: Record<string, string> | null }) => {
  const [file] = splitStoredHeaders(row.headers).attachments ?? [];
  if (!file) throw new Error('no calendar file attached');
  const calendar = new ICAL.Component(ICAL.parse(file.content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { file, calendar, vevent, event: new ICAL.Event(vevent) };
};
const members = async () => ({
  ja: await createTestMember(t, { role: 'alumni', canSignIn: false, locale: 'ja' }),
  en: await createTestMember(t, { role: 'employee', canSignIn: false, locale: 'en' }),
  waiting: await createTestMember(t, { role: 'alumni', canSignIn: false }),
});

describe('reminders', () => {
  it('a day before: once per confirmed attendee however many runs race, in their language, with the .ics', async () => {
    clock.set('2026-12-07T03:00:00Z');
    const { ja, en, waiting } = await members();
    const event = await createTestEvent(t, {
      format: 'hybrid',
      onlineUrl: 'https://meet.example.com/room-1',
      startsAt: new Date(clock.now().getTime() + 23 * HOUR), // 2026-12-08 02:00Z = 11:00 in Tokyo
    });
    const a = await registerTestMember(t, event.id, ja.id);
    const b = await registerTestMember(t, event.id, en.id);
    await registerTestMember(t, event.id, waiting.id, { status: 'waitlisted' });

    const runs = await Promise.all([runEventReminders(t), runEventReminders(t), runEventReminders(t)]);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(2);
    await runEventReminders(t);
    expect(await remindersOf([a.id, b.id])).toHaveLength(2);

    const mails = await mailsAbout(event.id);
    expect(mails.map((m) => [m.toAddress, m.kind]).sort()).toEqual(
      [
        [en.email, 'event_reminder_day'],
        [ja.email, 'event_reminder_day'],
      ].sort(),
    );
    const jaMail = mails.find((m) => m.toAddress === ja.email);
    const enMail = mails.find((m) => m.toAddress === en.email);
    expect(jaMail?.subject).toContain('明日開催：ナナメのつながり交流会');
    expect(jaMail?.text).toContain('11:00');
    expect(jaMail?.text).toContain('Asia/Tokyo');
    expect(jaMail?.text).toContain('2:00');
    expect(jaMail?.text).toContain('https://meet.example.com/room-1');
    expect(enMail?.subject).toContain('Tomorrow: Diagonal ties meetup');
    expect(enMail?.text).toContain('UTC');
    const ics = icsOf(enMail as { headers: Record<string, string> | null });
    expect(ics.file.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(ics.event.uid).toBe(`${event.id}@localhost`);
    expect(ics.event.startDate.toJSDate().toISOString()).toBe('2026-12-08T02:00:00.000Z');
    expect(ics.event.location).toContain('https://meet.example.com/room-1');

    // Delivered with the file attached; the notification centre sends no second mail.
    await dispatchMail(
      t,
      mails.map((m) => m.id),
    );
    await t.queue.drain({ names: ['mail.deliver'] });
    const sent = t.mailer.sent.find((m) => m.to === en.email);
    expect(sent?.attachments?.[0]?.filename).toBe(`event-${event.id}.ics`);
    expect(sent?.headers).toBeUndefined();
    const bell = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, en.id), eq(notifications.type, 'event_reminder')));
    expect(bell).toHaveLength(1);
    expect(bell[0]?.mailedAt).not.toBeNull();
    await runNotificationMail(t);
    expect((await t.db.select().from(mailMessages).where(eq(mailMessages.userId, en.id))).length).toBe(1);
  });

  it('an hour before: the hour reminder; a changed start time reminds again', async () => {
    clock.set('2026-12-10T00:00:00Z');
    const { ja } = await members();
    const event = await createTestEvent(t, { startsAt: new Date('2026-12-10T20:00:00Z') });
    const reg = await registerTestMember(t, event.id, ja.id);
    await runEventReminders(t);
    expect((await mailsAbout(event.id)).map((m) => m.kind)).toEqual(['event_reminder_day']);

    clock.set('2026-12-10T19:10:00Z');
    await runEventReminders(t);
    await runEventReminders(t);
    expect((await mailsAbout(event.id)).map((m) => m.kind)).toEqual([
      'event_reminder_day',
      'event_reminder_hour',
    ]);
    expect(await remindersOf([reg.id])).toHaveLength(2);

    // The host moves it to the next evening: both reminders are due again for the new time.
    await updateTestEvent(t, event.id, {
      startsAt: new Date('2026-12-11T19:00:00Z'),
      endsAt: new Date('2026-12-11T21:00:00Z'),
      sequence: 1,
    });
    await runEventReminders(t);
    const mails = await mailsAbout(event.id);
    expect(mails.map((m) => m.kind)).toEqual([
      'event_reminder_day',
      'event_reminder_hour',
      'event_reminder_day',
    ]);
    expect(icsOf(mails[2] as { headers: Record<string, string> | null }).event.sequence).toBe(1);
    clock.set('2026-12-11T18:30:00Z');
    await runEventReminders(t);
    expect((await mailsAbout(event.id)).map((m) => m.kind)).toHaveLength(4);
    expect(await remindersOf([reg.id])).toHaveLength(4);
  });

  it('someone who registers within the hour gets the hour reminder only', async () => {
    clock.set('2026-12-12T00:00:00Z');
    const { en } = await members();
    const event = await createTestEvent(t, { startsAt: new Date('2026-12-12T00:40:00Z') });
    await registerTestMember(t, event.id, en.id);
    await runEventReminders(t);
    expect((await mailsAbout(event.id)).map((m) => m.kind)).toEqual(['event_reminder_hour']);
  });

  it('respects the member’s choice for event_reminder; nothing for cancelled or draft events', async () => {
    clock.set('2026-12-13T00:00:00Z');
    const off = await createTestMember(t, { canSignIn: false });
    const bellOnly = await createTestMember(t, { canSignIn: false });
    await t.db.insert(notificationPreferences).values([
      { userId: off.id, type: 'event_reminder', channel: 'off' },
      { userId: bellOnly.id, type: 'event_reminder', channel: 'in_app' },
    ]);
    const event = await createTestEvent(t, { startsAt: new Date('2026-12-13T12:00:00Z') });
    await registerTestMember(t, event.id, off.id);
    await registerTestMember(t, event.id, bellOnly.id);
    const cancelled = await createTestEvent(t, {
      status: 'cancelled',
      startsAt: new Date('2026-12-13T12:00:00Z'),
    });
    const draft = await createTestEvent(t, { status: 'draft', startsAt: new Date('2026-12-13T12:00:00Z') });
    await registerTestMember(t, cancelled.id, bellOnly.id);
    await registerTestMember(t, draft.id, off.id);
    await runEventReminders(t);
    expect(await mailsAbout(event.id)).toHaveLength(0);
    expect(await mailsAbout(cancelled.id)).toHaveLength(0);
    expect(await mailsAbout(draft.id)).toHaveLength(0);
    const bell = await t.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.type, 'event_reminder'), eq(notifications.threadKey, `event:${event.id}`)));
    expect(bell.map((b) => b.userId)).toEqual([bellOnly.id]);
  });
});

describe('change and cancellation notices', () => {
  it('a new time: every registrant still in (confirmed, offered, waitlisted) is told, with the updated .ics', async () => {
    clock.set('2026-12-14T00:00:00Z');
    const { ja, en, waiting } = await members();
    const gone = await createTestMember(t, { canSignIn: false });
    const offered = await createTestMember(t, { canSignIn: false, locale: 'en' });
    const event = await createTestEvent(t, {
      format: 'online',
      venueName: null,
      venueAddress: null,
      onlineUrl: 'https://meet.example.com/room-2',
      startsAt: new Date('2027-01-20T10:00:00Z'),
      sequence: 2,
    });
    await registerTestMember(t, event.id, ja.id);
    await registerTestMember(t, event.id, en.id);
    await registerTestMember(t, event.id, waiting.id, { status: 'waitlisted' });
    await registerTestMember(t, event.id, offered.id, { status: 'offered' });
    await registerTestMember(t, event.id, gone.id, { status: 'cancelled', cancelReason: 'member' });

    const ids = await t.db.transaction((tx) =>
      announceEventChange(tx, t, { eventId: event.id, change: 'time', now: clock.now() }),
    );
    expect(ids).toHaveLength(4);
    const mails = await mailsAbout(event.id);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      [ja.email, en.email, waiting.email, offered.email].sort(),
    );
    const enMail = mails.find((m) => m.toAddress === en.email);
    expect(enMail?.subject).toContain('New time: Diagonal ties meetup');
    expect(enMail?.kind).toBe('event_changed');
    const ics = icsOf(enMail as { headers: Record<string, string> | null });
    expect(ics.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ics.event.sequence).toBe(2);
    expect(ics.event.location).toBe('https://meet.example.com/room-2');
    // In line, not seated: neither the mail nor the file carries the link.
    const offeredMail = mails.find((m) => m.toAddress === offered.email);
    expect(offeredMail?.text).not.toContain('room-2');
    expect(icsOf(offeredMail as { headers: Record<string, string> | null }).file.content).not.toContain(
      'room-2',
    );
    const jaMail = mails.find((m) => m.toAddress === ja.email);
    expect(jaMail?.subject).toContain('日時変更のお知らせ');
    const bell = await t.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.type, 'event_changed'), eq(notifications.threadKey, `event:${event.id}`)));
    expect(bell).toHaveLength(4);
  });

  it('a cancellation: METHOD:CANCEL and STATUS:CANCELLED, also to those the cancellation released', async () => {
    clock.set('2026-12-15T00:00:00Z');
    const { ja, en } = await members();
    const event = await createTestEvent(t, { status: 'cancelled', sequence: 5, cancelledAt: clock.now() });
    await registerTestMember(t, event.id, ja.id, { status: 'cancelled', cancelReason: 'event_cancelled' });
    await registerTestMember(t, event.id, en.id);
    await t.db.transaction((tx) =>
      announceEventChange(tx, t, { eventId: event.id, change: 'cancelled', now: clock.now() }),
    );
    const mails = await mailsAbout(event.id);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const ics = icsOf(mail);
      expect(ics.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(ics.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(ics.event.sequence).toBe(5);
      expect(ics.event.uid).toBe(`${event.id}@localhost`);
      expect(mail.kind).toBe('event_cancelled');
    }
    expect(mails.find((m) => m.toAddress === ja.email)?.subject).toContain('開催中止のお知らせ');
  });
});

describe('POST /api/dev/jobs/events.reminders and events.after', () => {
  it('anonymous 401; HR 404; an admin runs them now; in production 404', async () => {
    clock.set('2027-03-01T03:00:00Z');
    const paths = ['/api/dev/jobs/events.reminders', '/api/dev/jobs/events.after'];
    const hr = await signedIn(t, { role: 'alumni_manager' });
    const admin = await signedIn(t, { role: 'admin' });
    for (const path of paths) {
      expect((await t.request(path, { method: 'POST' })).status).toBe(401);
      expect((await t.request(path, { method: 'POST', cookie: hr.cookie })).status).toBe(404);
    }
    const { ja } = await members();
    const soon = await createTestEvent(t, { startsAt: new Date(clock.now().getTime() + 20 * HOUR) });
    await registerTestMember(t, soon.id, ja.id);
    const reminders = await t.request(paths[0] as string, { method: 'POST', cookie: admin.cookie });
    expect(reminders.status, await reminders.clone().text()).toBe(200);
    expect(await reminders.json()).toEqual({ reminded: 1, mailed: 1 });
    expect((await mailsAbout(soon.id)).map((m) => m.kind)).toEqual(['event_reminder_day']);

    const ended = await createTestEvent(t, { startsAt: new Date(clock.now().getTime() - 3 * HOUR) });
    await registerTestMember(t, ended.id, ja.id);
    const after = await t.request(paths[1] as string, { method: 'POST', cookie: admin.cookie });
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ invited: 1 });

    const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const a = await signedIn(prod, { role: 'admin' });
      for (const path of paths) {
        expect((await prod.request(path, { method: 'POST', cookie: a.cookie })).status).toBe(404);
      }
    } finally {
      await prod.close();
    }
  });
});
