import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience, Classification } from '#common/access';
import { ROLES } from '#common/roles';
import { eventHosts, events, groupMembers, groups } from '#server/db/schema/index';
import { loadViewers } from '#server/lib/access/viewers';
import { createTestEvent } from '#tests/factories/events';
import { createTestMember } from '#tests/factories/index';
import { createTestApp, type TestApp } from '#tests/setup';
import { canSeeEvent, visibleEventsWhere } from './events.policy';

/**
 * The registration desk decides a whole batch with `canSeeEvent`; the rest of the product asks
 * `visibleEventsWhere` in its queries. They must give the same answer for every viewer and event.
 */
const NOW = new Date('2026-12-07T03:00:00Z');
let t: TestApp;
const eventIds: string[] = [];
const userIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const tag = randomUUID().slice(0, 8);
  const groupId = `g-${tag}`;
  await t.db.insert(groups).values({ id: groupId, kind: 'interest', nameEn: 'Twin' });
  const people = [
    ...ROLES.map((role) => ({ role, leftOn: role === 'alumni' ? '2020-03-31' : null })),
    { role: 'alumni' as const, leftOn: '2026-10-31' },
    { role: 'alumni' as const, leftOn: '2019-01-31' },
  ];
  for (const p of people) {
    const member = await createTestMember(t, {
      role: p.role,
      profile: { leftOn: p.leftOn },
      canSignIn: false,
    });
    userIds.push(member.id);
  }
  // The first alumnus is in the group; the second was only invited.
  await t.db.insert(groupMembers).values([
    { groupId, userId: userIds[1] as string, state: 'active' },
    { groupId, userId: userIds[ROLES.length] as string, state: 'invited' },
  ]);
  const audiences: Audience[] = [
    {},
    { roles: ['alumni'] },
    { groupIds: [groupId] },
    { memberIds: [userIds[ROLES.length] as string] },
    { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 6 }] },
  ];
  const classifications: Classification[] = ['public', 'network', 'internal', 'confidential'];
  for (const status of ['draft', 'published', 'cancelled'] as const) {
    for (const classification of classifications) {
      for (const audience of audiences) {
        const event = await createTestEvent(t, { status, classification, audience, now: NOW });
        eventIds.push(event.id);
      }
    }
  }
  // A host of one draft sees it.
  await t.db
    .insert(eventHosts)
    .values({ eventId: eventIds[0] as string, userId: userIds[1] as string, role: 'host' });
}, 60_000);
afterAll(() => t.close());

describe('canSeeEvent is the pure twin of visibleEventsWhere', () => {
  it('agrees for every viewer and event (roles, drafts, hosts, groups, named people, exclusions)', async () => {
    const viewers = await loadViewers(t.db, userIds);
    expect(viewers).toHaveLength(userIds.length);
    const rows = await t.db.select().from(events);
    const mine = rows.filter((e) => eventIds.includes(e.id));
    const hosts = await t.db.select().from(eventHosts);
    let seen = 0;
    for (const viewer of viewers) {
      const inSql = new Set(
        (await t.db.select({ id: events.id }).from(events).where(visibleEventsWhere(viewer, NOW))).map(
          (r) => r.id,
        ),
      );
      for (const event of mine) {
        const hostIds = hosts.filter((h) => h.eventId === event.id).map((h) => h.userId);
        const pure = canSeeEvent(viewer, event, hostIds, NOW);
        expect({ viewer: viewer.id, event: event.id, pure }).toEqual({
          viewer: viewer.id,
          event: event.id,
          pure: inSql.has(event.id),
        });
        if (pure) seen++;
      }
    }
    // Both answers occur: the comparison is not vacuous.
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(viewers.length * mine.length);
  });
});
