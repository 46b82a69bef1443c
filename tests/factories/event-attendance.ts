import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { eventHosts, eventRegistrations, events } from '#server/db/schema/events';
import type { TestApp } from '#tests/setup';

/**
 * Events and registrations written straight into the tables, for the attendance tests (calendar
 * files, reminders, check-in, survey): they need events in a given state, not the registration flow.
 */

type EventInsert = typeof events.$inferInsert;
type RegistrationInsert = typeof eventRegistrations.$inferInsert;

export async function createTestEvent(t: { db: Db }, overrides: Partial<EventInsert> = {}) {
  const startsAt = overrides.startsAt ?? new Date('2027-01-15T09:00:00Z');
  const [row] = await t.db
    .insert(events)
    .values({
      id: randomUUID(),
      kind: 'meetup',
      format: 'in_person',
      language: 'ja',
      status: 'published',
      titleJa: 'ナナメのつながり交流会',
      titleEn: 'Diagonal ties meetup',
      descriptionJaMarkdown: '世代を越えて話しましょう。',
      descriptionEnMarkdown: 'Meet across generations.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
      timeZone: 'Asia/Tokyo',
      venueName: '東京オフィス 20F',
      venueAddress: '千代田区丸の内 3-2-3',
      capacity: 50,
      classification: 'network',
      audience: {},
      publishedAt: new Date('2026-12-01T00:00:00Z'),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('event not created');
  return row;
}

export async function addTestHost(
  t: { db: Db },
  eventId: string,
  userId: string,
  role: 'host' | 'cohost' | 'speaker' = 'host',
) {
  await t.db.insert(eventHosts).values({ eventId, userId, role });
}

/** A short code like the core's: 8 characters of an unambiguous alphabet. */
export const testCheckInCode = () =>
  Array.from(randomBytes(8), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');

export async function registerTestMember(
  t: { db: Db },
  eventId: string,
  userId: string,
  overrides: Partial<RegistrationInsert> = {},
) {
  const [row] = await t.db
    .insert(eventRegistrations)
    .values({
      id: randomUUID(),
      eventId,
      userId,
      status: 'confirmed',
      checkInCode: testCheckInCode(),
      requestedAt: new Date('2026-12-01T00:00:00Z'),
      confirmedAt: new Date('2026-12-01T00:00:00Z'),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('registration not created');
  return row;
}

export async function updateTestEvent(t: Pick<TestApp, 'db'>, id: string, set: Partial<EventInsert>) {
  const [row] = await t.db.update(events).set(set).where(eq(events.id, id)).returning();
  if (!row) throw new Error('event not found');
  return row;
}
