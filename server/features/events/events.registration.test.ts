import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/client';
import { eventRegistrations, notifications, users } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import type { AppError } from '#server/lib/errors';
import { createLogger } from '#server/lib/logger';
import { createTestEvent } from '#tests/factories/events';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { register } from './events.desk';
import {
  CHECK_IN_ALPHABET,
  cancelRegistration,
  claimOffer,
  newCheckInCode,
  seatsTaken,
  sweepExpiredOffers,
} from './events.registration';

/**
 * "Never more confirmed than capacity, under any concurrency" (issue 13 §2, decision 043).
 * On PGlite (npm test) the transactions queue on its one connection; under TEST_DATABASE_URL
 * they run on a pool against PostgreSQL, really concurrently, and only the row lock on the event
 * keeps the count right.
 */
failOnConsoleError();
const NOW = new Date('2026-12-07T03:00:00Z');
const clock = fixedClock(NOW);
let t: TestApp;
let deps: Parameters<typeof register>[0];
const MEMBERS = 500;
const REPEATS = 100;
const CAPACITY = 50;
let members: Viewer[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  deps = { db: t.db, clock, queue: t.queue, logger: createLogger('silent'), env: testEnv() };
  // Members straight in the table (500 sign-in accounts would only slow the test down).
  members = Array.from({ length: MEMBERS }, (_, i) => ({
    id: randomUUID(),
    role: i % 2 === 0 ? ('alumni' as const) : ('employee' as const),
    email: `line-${i}-${randomUUID().slice(0, 6)}@example.com`,
    displayName: `Member ${i}`,
    locale: 'ja' as const,
    attributes: { leftOn: null, currentEmployer: null },
  }));
  await t.db
    .insert(users)
    .values(members.map((m) => ({ id: m.id, name: m.displayName, email: m.email, role: m.role })));
}, 60_000);
afterAll(() => t.close());

/** The line as the database holds it: (requested_at, id) order, microseconds kept. */
const lineOf = (eventId: string) =>
  queryRows<{ userId: string; status: string; us: string }>(
    t.db,
    sql`select user_id as "userId", status, (extract(epoch from requested_at) * 1000000)::bigint::text as us
        from event_registrations where event_id = ${eventId} order by requested_at, id`,
  );

const input = { guests: 0, answers: {} };

describe('check-in codes', () => {
  it('are 8 characters from an alphabet without 0, O, 1 or I', () => {
    const codes = Array.from({ length: 2000 }, newCheckInCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect([...code].every((ch) => CHECK_IN_ALPHABET.includes(ch))).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('500 concurrent registrations plus repeats at a 50-seat event', () => {
  it.each([1, 2, 3])(
    'round %i: exactly 50 confirmed, nobody twice, the rest waitlisted in the order served',
    async () => {
      const event = await createTestEvent(t, { capacity: CAPACITY, now: NOW });
      const calls = [...members, ...members.slice(0, REPEATS)];
      // Two desks, as two server processes have: their batches meet only at the event's lock.
      const other = { ...deps };
      const results = await Promise.all(
        calls.map((viewer, i) =>
          register(i % 2 === 0 ? deps : other, { viewer, eventId: event.id, input, locale: 'en' }),
        ),
      );

      // One row per member; a repeat answered with the member's one registration.
      const line = await lineOf(event.id);
      expect(line).toHaveLength(MEMBERS);
      expect(new Set(line.map((r) => r.userId)).size).toBe(MEMBERS);
      expect(results.filter((r) => r.created)).toHaveLength(MEMBERS);
      const idsOf = new Map<string, Set<string>>();
      for (const { registration } of results) {
        idsOf.set(registration.userId, (idsOf.get(registration.userId) ?? new Set()).add(registration.id));
      }
      expect([...idsOf.values()].every((ids) => ids.size === 1)).toBe(true);

      // Exactly the capacity confirmed, counted from the rows.
      expect(line.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
      expect(line.filter((r) => r.status === 'waitlisted')).toHaveLength(MEMBERS - CAPACITY);
      expect(await seatsTaken(t.db, event.id)).toBe(CAPACITY);

      // The line is the order requests were served in: every place distinct, the 50 seated first.
      expect(new Set(line.map((r) => r.us)).size).toBe(MEMBERS);
      expect(line.slice(0, CAPACITY).every((r) => r.status === 'confirmed')).toBe(true);
      expect(line.slice(CAPACITY).every((r) => r.status === 'waitlisted')).toBe(true);
    },
    120_000,
  );
});

describe('the desk serves a batch; one request never fails another', () => {
  it('bad answers get their 400, a member who may not see the event a 404, the others their seats', async () => {
    const event = await createTestEvent(t, {
      capacity: 2,
      now: NOW,
      classification: 'internal',
      questions: [{ id: 'q1', kind: 'text', labelJa: '所属', labelEn: 'Team', required: true, options: [] }],
    });
    // members alternate alumni (even) and employees (odd): an internal event is for employees.
    const [alumna, e1, , e2, , e3, , e4] = members as Viewer[];
    const ok = { guests: 0, answers: { q1: 'Sales' } };
    const results = await Promise.allSettled([
      register(deps, { viewer: e1 as Viewer, eventId: event.id, input: ok, locale: 'ja' }),
      register(deps, { viewer: alumna as Viewer, eventId: event.id, input: ok, locale: 'ja' }),
      register(deps, {
        viewer: e2 as Viewer,
        eventId: event.id,
        input: { guests: 0, answers: {} },
        locale: 'ja',
      }),
      register(deps, { viewer: e3 as Viewer, eventId: event.id, input: ok, locale: 'ja' }),
      register(deps, { viewer: e4 as Viewer, eventId: event.id, input: ok, locale: 'ja' }),
      register(deps, { viewer: e1 as Viewer, eventId: event.id, input: ok, locale: 'ja' }),
    ]);
    const [first, hidden, bad, second, waiting, repeat] = results;
    expect(first?.status === 'fulfilled' && first.value.registration.status).toBe('confirmed');
    expect(hidden?.status === 'rejected' && (hidden.reason as AppError).code).toBe('not_found');
    expect(bad?.status === 'rejected' && (bad.reason as AppError).fields).toEqual({
      'answers.q1': ['kz.eventAnswerRequired'],
    });
    expect(second?.status === 'fulfilled' && second.value.registration.status).toBe('confirmed');
    expect(waiting?.status === 'fulfilled' && waiting.value.registration.status).toBe('waitlisted');
    // The same member twice in one batch: one registration, the second told it exists.
    expect(repeat?.status === 'fulfilled' && repeat.value).toMatchObject({ created: false });
    expect(
      repeat?.status === 'fulfilled' && first?.status === 'fulfilled' && repeat.value.registration.id,
    ).toBe(first?.status === 'fulfilled' && first.value.registration.id);
    const line = await lineOf(event.id);
    expect(line.map((r) => [r.userId, r.status])).toEqual([
      [e1?.id, 'confirmed'],
      [e3?.id, 'confirmed'],
      [e4?.id, 'waitlisted'],
    ]);
  });
});

describe('the waitlist offers itself', () => {
  it('a release offers the seat to the first in line, claiming confirms, a lapsed offer goes to the next', async () => {
    const event = await createTestEvent(t, { capacity: 2, claimWindowMinutes: 60, now: NOW });
    const [a, b, c, d] = members as [Viewer, Viewer, Viewer, Viewer];
    for (const viewer of [a, b, c, d])
      await register(deps, { viewer, eventId: event.id, input, locale: 'ja' });
    const statusOf = async (viewer: Viewer) => {
      const [row] = await t.db
        .select()
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, viewer.id)));
      return row;
    };
    expect((await statusOf(c))?.status).toBe('waitlisted');

    // a releases: c (first in line) is offered the seat for an hour and told; the seat stays taken.
    await cancelRegistration(deps, { viewer: a, eventId: event.id });
    const offered = await statusOf(c);
    expect(offered?.status).toBe('offered');
    expect(offered?.offerExpiresAt?.toISOString()).toBe(new Date(NOW.getTime() + 3_600_000).toISOString());
    expect((await statusOf(d))?.status).toBe('waitlisted');
    expect(await seatsTaken(t.db, event.id)).toBe(2);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.id), eq(notifications.type, 'event_offered')));
    expect(told).toHaveLength(1);

    // Registering again answers the offer; claiming confirms.
    const again = await register(deps, { viewer: c, eventId: event.id, input, locale: 'ja' });
    expect([again.created, again.registration.status]).toEqual([false, 'offered']);
    expect((await claimOffer(deps, { viewer: c, eventId: event.id })).status).toBe('confirmed');

    // b releases: d is offered; d lets the hour pass: the offer lapses, nobody else waits.
    await cancelRegistration(deps, { viewer: b, eventId: event.id });
    expect((await statusOf(d))?.status).toBe('offered');
    clock.advance(61 * 60_000);
    try {
      await expect(claimOffer(deps, { viewer: d, eventId: event.id })).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await sweepExpiredOffers(deps)).toBe(1);
      const lapsed = await statusOf(d);
      expect([lapsed?.status, lapsed?.cancelReason]).toEqual(['cancelled', 'offer_lapsed']);
      expect(await seatsTaken(t.db, event.id)).toBe(1);
      expect(await sweepExpiredOffers(deps)).toBe(0);
      // a comes back: a seat is free, so a is confirmed at the end of the line.
      const back = await register(deps, { viewer: a, eventId: event.id, input, locale: 'ja' });
      expect(back.registration.status).toBe('confirmed');
      expect(await seatsTaken(t.db, event.id)).toBe(2);
    } finally {
      clock.set(NOW);
    }
  });

  it('a party that does not fit waits while a smaller one behind it gets the free seat', async () => {
    const event = await createTestEvent(t, { capacity: 2, guestLimit: 2, now: NOW });
    const [a, b, c] = members.slice(10, 13) as [Viewer, Viewer, Viewer];
    await register(deps, { viewer: a, eventId: event.id, input: { guests: 1, answers: {} }, locale: 'ja' });
    const big = await register(deps, {
      viewer: b,
      eventId: event.id,
      input: { guests: 2, answers: {} },
      locale: 'ja',
    });
    const small = await register(deps, { viewer: c, eventId: event.id, input, locale: 'ja' });
    expect([big.registration.status, small.registration.status]).toEqual(['waitlisted', 'waitlisted']);
    await cancelRegistration(deps, { viewer: a, eventId: event.id });
    // Two seats free: b's party of three does not fit, c's party of one does.
    const line = await lineOf(event.id);
    expect(line.map((r) => [r.userId, r.status])).toEqual([
      [a.id, 'cancelled'],
      [b.id, 'waitlisted'],
      [c.id, 'offered'],
    ]);
  });
});
