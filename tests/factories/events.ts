import { randomUUID } from 'node:crypto';
import type { EventCreateInput } from '#common/events';
import { eventHosts, eventSeries, events } from '#server/db/schema/index';
import type { TestApp } from '#tests/setup';

type NewEvent = Partial<typeof events.$inferInsert>;

/**
 * A published event straight in the database (a meetup for everyone in the network by default,
 * starting a week after `now`, 50 seats), with its hosts.
 */
export async function createTestEvent(
  t: Pick<TestApp, 'db'>,
  options: NewEvent & { now?: Date; hostIds?: string[] } = {},
) {
  const { now = new Date('2026-12-07T03:00:00Z'), hostIds = [], ...overrides } = options;
  const id = overrides.id ?? randomUUID();
  const startsAt = overrides.startsAt ?? new Date(now.getTime() + 7 * 86_400_000);
  const [row] = await t.db
    .insert(events)
    .values({
      kind: 'meetup',
      format: 'in_person',
      language: 'ja',
      status: 'published',
      titleJa: `テスト交流会 ${id.slice(0, 6)}`,
      titleEn: `Test meetup ${id.slice(0, 6)}`,
      timeZone: 'Asia/Tokyo',
      venueName: '東京オフィス',
      capacity: 50,
      classification: 'network',
      audience: {},
      publishedAt: now,
      ...overrides,
      id,
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (hostIds.length > 0) {
    await t.db.insert(eventHosts).values(
      hostIds.map((userId, i) => ({
        eventId: id,
        userId,
        role: i === 0 ? ('host' as const) : ('cohost' as const),
      })),
    );
  }
  return row;
}

export async function createTestSeries(
  t: Pick<TestApp, 'db'>,
  overrides: Partial<typeof eventSeries.$inferInsert> = {},
) {
  const id = overrides.id ?? randomUUID();
  const [row] = await t.db
    .insert(eventSeries)
    .values({ titleJa: '未来塾', titleEn: 'Mirai Juku', ...overrides, id })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A valid create body: a lecture a week after `now`, in Tokyo, 30 seats. */
export function eventInput(now: Date, overrides: Partial<EventCreateInput> = {}): EventCreateInput {
  const startsAt = new Date(now.getTime() + 7 * 86_400_000);
  return {
    kind: 'lecture',
    format: 'hybrid',
    language: 'ja',
    titleJa: '未来塾 第12回',
    titleEn: 'Mirai Juku #12',
    descriptionJa: '**登壇者**と語る夜',
    topic: 'キャリア',
    speakers: [{ name: '山田 花子', affiliation: '株式会社サンプル', topic: '新規事業' }],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    timeZone: 'Asia/Tokyo',
    venueName: '東京オフィス 20F',
    onlineUrl: 'https://meet.example.com/mirai-12',
    capacity: 30,
    guestLimit: 1,
    status: 'published',
    ...overrides,
  };
}
