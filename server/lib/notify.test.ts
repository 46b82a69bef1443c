import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import {
  groupMembers,
  groups,
  notificationMutes,
  notificationPreferences,
  notifications,
  users,
} from '#server/db/schema';
import { createTestMember } from '#tests/factories/index';
import { notifyTest } from '#tests/factories/notifications';
import { createTestDatabase } from '#tests/setup';
import { notify } from './notify';

const NOW = new Date('2026-12-07T03:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 86_400_000;

let database: Database;
const t = () => ({ db: database.db });
type Member = Awaited<ReturnType<typeof createTestMember>>;
let actor: Member;
let alumnus: Member;
let employee: Member;

beforeAll(async () => {
  database = await createTestDatabase();
  actor = await createTestMember(t(), { role: 'employee', canSignIn: false });
  alumnus = await createTestMember(t(), {
    role: 'alumni',
    canSignIn: false,
    profile: { leftOn: '2020-03-31' },
  });
  employee = await createTestMember(t(), { role: 'employee', canSignIn: false });
});
afterAll(() => database.close());

const rowsOf = (userId: string) =>
  database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('notify()', () => {
  it('writes one row per recipient with the default channel, never to the actor', async () => {
    const threadKey = `post:${randomUUID()}`;
    const out = await notifyTest(database.db, NOW, {
      userIds: [alumnus.id, employee.id, actor.id, alumnus.id],
      actorId: actor.id,
      threadKey,
      type: 'mention',
    });
    expect(out.map((o) => o.userId).sort()).toEqual([alumnus.id, employee.id].sort());
    expect(out.every((o) => o.channel === 'email')).toBe(true);
    const rows = (await rowsOf(alumnus.id)).filter((r) => r.threadKey === threadKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'mention', actorId: actor.id, channel: 'email', readAt: null });
    expect((await rowsOf(actor.id)).filter((r) => r.threadKey === threadKey)).toHaveLength(0);
  });

  it('leaves out a member who turned the type off, and uses the chosen channel otherwise', async () => {
    const member = await createTestMember(t(), { role: 'employee', canSignIn: false });
    const other = await createTestMember(t(), { role: 'employee', canSignIn: false });
    await database.db.insert(notificationPreferences).values([
      { userId: member.id, type: 'reaction', channel: 'off' },
      { userId: other.id, type: 'reaction', channel: 'digest' },
    ]);
    const out = await notifyTest(database.db, NOW, { userIds: [member.id, other.id], type: 'reaction' });
    expect(out).toEqual([expect.objectContaining({ userId: other.id, channel: 'digest' })]);
  });

  it('required moderation types cannot be turned off: the default channel is used', async () => {
    const member = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    await database.db.insert(notificationPreferences).values([
      { userId: member.id, type: 'content_hidden', channel: 'off' },
      { userId: member.id, type: 'posting_suspended', channel: 'in_app' },
    ]);
    const hidden = await notifyTest(database.db, NOW, { userIds: [member.id], type: 'content_hidden' });
    expect(hidden).toEqual([expect.objectContaining({ userId: member.id, channel: 'email' })]);
    const suspended = await notifyTest(database.db, NOW, { userIds: [member.id], type: 'posting_suspended' });
    expect(suspended).toEqual([expect.objectContaining({ channel: 'in_app' })]);
  });

  it('a muted thread is left out until the mute ends (by the clock)', async () => {
    const member = await createTestMember(t(), { role: 'employee', canSignIn: false });
    const threadKey = `post:${randomUUID()}`;
    await database.db
      .insert(notificationMutes)
      .values({ userId: member.id, kind: 'thread', key: threadKey, until: later(DAY) });
    expect(await notifyTest(database.db, NOW, { userIds: [member.id], threadKey })).toEqual([]);
    expect(await notifyTest(database.db, later(DAY - 1), { userIds: [member.id], threadKey })).toEqual([]);
    // Another thread is not muted.
    expect(await notifyTest(database.db, NOW, { userIds: [member.id] })).toHaveLength(1);
    // After the end, it notifies again.
    expect(await notifyTest(database.db, later(DAY + 1), { userIds: [member.id], threadKey })).toHaveLength(
      1,
    );
  });

  it('a muted person is left out (forever until unmuted), other actors are not', async () => {
    const member = await createTestMember(t(), { role: 'employee', canSignIn: false });
    await database.db
      .insert(notificationMutes)
      .values({ userId: member.id, kind: 'person', key: actor.id, until: null });
    expect(
      await notifyTest(database.db, later(365 * DAY), { userIds: [member.id], actorId: actor.id }),
    ).toEqual([]);
    expect(await notifyTest(database.db, NOW, { userIds: [member.id], actorId: employee.id })).toHaveLength(
      1,
    );
    expect(await notifyTest(database.db, NOW, { userIds: [member.id] })).toHaveLength(1);
  });

  it('a mute does not silence a required moderation notice', async () => {
    const member = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    const threadKey = `post:${randomUUID()}`;
    await database.db
      .insert(notificationMutes)
      .values({ userId: member.id, kind: 'thread', key: threadKey, until: null });
    const out = await notifyTest(database.db, NOW, {
      userIds: [member.id],
      threadKey,
      type: 'content_hidden',
    });
    expect(out).toHaveLength(1);
  });

  it('inactive members are never notified', async () => {
    const gone = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    await database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    expect(await notifyTest(database.db, NOW, { userIds: [gone.id] })).toEqual([]);
    expect(await rowsOf(gone.id)).toHaveLength(0);
  });

  it('an internal item never notifies an alumnus; an employee and the owner are notified', async () => {
    const out = await notifyTest(database.db, NOW, {
      userIds: [alumnus.id, employee.id],
      item: { classification: 'internal', audience: {}, ownerId: actor.id },
    });
    expect(out.map((o) => o.userId)).toEqual([employee.id]);
    // The owner of an internal item (here an alumnus) is notified of their own item.
    const own = await notifyTest(database.db, NOW, {
      userIds: [alumnus.id],
      item: { classification: 'internal', audience: {}, ownerId: alumnus.id },
    });
    expect(own).toHaveLength(1);
  });

  it('a group audience notifies only its active members', async () => {
    const groupId = randomUUID();
    await database.db
      .insert(groups)
      .values({ id: groupId, kind: 'interest', nameEn: 'Hikers', status: 'active' });
    const inGroup = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    const requested = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    const outside = await createTestMember(t(), { role: 'alumni', canSignIn: false });
    await database.db.insert(groupMembers).values([
      { groupId, userId: inGroup.id, state: 'active' },
      { groupId, userId: requested.id, state: 'requested' },
    ]);
    const out = await notify(database.db, NOW, {
      userIds: [inGroup.id, requested.id, outside.id],
      type: 'post_comment',
      threadKey: `post:${randomUUID()}`,
      link: '/posts/x',
      item: { classification: 'network', audience: { groupIds: [groupId] } },
    });
    expect(out.map((o) => o.userId)).toEqual([inGroup.id]);
  });

  it('nothing to write when every recipient is left out', async () => {
    expect(await notifyTest(database.db, NOW, { userIds: [actor.id], actorId: actor.id })).toEqual([]);
    expect(await notifyTest(database.db, NOW, { userIds: [] })).toEqual([]);
  });
});
