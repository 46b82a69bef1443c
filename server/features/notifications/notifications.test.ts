import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  Mute,
  MuteList,
  NotificationList,
  NotificationPreferenceList,
  UnreadCount,
} from '#common/notifications';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { notifyTest } from '#tests/factories/notifications';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const START = '2026-12-07T03:00:00Z';
const clock = fixedClock(START);
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let me: Session;
let other: Session;
let commenter: Session;
let commenter2: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  me = await signedIn(t, { role: 'employee' });
  other = await signedIn(t, { role: 'employee' });
  commenter = await signedIn(t, { role: 'employee' });
  commenter2 = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());
afterEach(() => clock.set(START));

const at = (minutes: number) => new Date(new Date(START).getTime() + minutes * 60_000);
const call = (path: string, cookie?: string, init: RequestInit & { json?: unknown } = {}, lang = 'en') =>
  t.request(path, { ...init, cookie, headers: { 'accept-language': lang } });
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const unread = async (cookie: string) => {
  const res = await call('/api/notifications/unread-count', cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as UnreadCount).count;
};
const list = async (cookie: string, cursor?: string) => {
  const res = await call(`/api/notifications${cursor ? `?cursor=${cursor}` : ''}`, cookie);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as NotificationList;
};

describe('anonymous', () => {
  it.each([
    ['GET', '/api/notifications'],
    ['GET', '/api/notifications/unread-count'],
    ['POST', '/api/notifications/read'],
    ['GET', '/api/notifications/preferences'],
    ['PUT', '/api/notifications/preferences'],
    ['GET', '/api/notifications/mutes'],
    ['POST', '/api/notifications/mutes'],
    ['DELETE', '/api/notifications/mutes?kind=thread&key=x'],
  ])('%s %s is 401', async (method, path) => {
    const res = await call(path, undefined, { method, json: method === 'GET' ? undefined : { all: true } });
    expect(res.status).toBe(401);
  });
});

describe('list and unread count', () => {
  it('groups per thread and type, newest first, with the latest actors and unread counts', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const postA = `post:${randomUUID()}`;
    const postB = `post:${randomUUID()}`;
    await notifyTest(t.db, at(1), {
      userIds: [member.member.id],
      threadKey: postA,
      actorId: commenter.member.id,
    });
    await notifyTest(t.db, at(2), {
      userIds: [member.member.id],
      threadKey: postB,
      actorId: commenter.member.id,
    });
    await notifyTest(t.db, at(3), {
      userIds: [member.member.id],
      threadKey: postA,
      actorId: commenter2.member.id,
      data: { title: 'Newest title' },
    });
    await notifyTest(t.db, at(4), {
      userIds: [member.member.id],
      threadKey: postA,
      type: 'reaction',
      actorId: commenter.member.id,
    });
    expect(await unread(member.cookie)).toBe(4);
    const { items, nextCursor } = await list(member.cookie);
    expect(nextCursor).toBeNull();
    expect(items.map((g) => [g.type, g.threadKey, g.count, g.unreadCount])).toEqual([
      ['reaction', postA, 1, 1],
      ['post_comment', postA, 2, 2],
      ['post_comment', postB, 1, 1],
    ]);
    const comments = items[1];
    expect(comments?.actors.map((a) => a.id)).toEqual([commenter2.member.id, commenter.member.id]);
    expect(comments?.actors[0]?.name).toContain(commenter2.member.names.familyName);
    expect(comments?.actorCount).toBe(2);
    expect(comments?.data).toEqual({ title: 'Newest title' });
    expect(comments?.key).toBe(`post_comment|${postA}`);
  });

  it('pages with a keyset cursor, no group twice, none lost', async () => {
    const member = await signedIn(t, { role: 'employee' });
    for (let i = 0; i < 25; i++) {
      await notifyTest(t.db, at(i), { userIds: [member.member.id], threadKey: `post:page-${i}` });
    }
    const first = await list(member.cookie);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.threadKey).toBe('post:page-24');
    expect(first.nextCursor).not.toBeNull();
    const second = await list(member.cookie, first.nextCursor ?? '');
    expect(second.items.map((g) => g.threadKey)).toEqual([4, 3, 2, 1, 0].map((i) => `post:page-${i}`));
    expect(second.nextCursor).toBeNull();
  });

  it('a bad cursor is a translated 400', async () => {
    const res = await call('/api/notifications?cursor=nonsense', me.cookie, {}, 'ja');
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).cursor).toEqual(['値が正しくありません。']);
    const unknown = await call('/api/notifications?page=2', me.cookie);
    expect(unknown.status).toBe(400);
  });

  it('another member never sees my notifications', async () => {
    const threadKey = `post:${randomUUID()}`;
    await notifyTest(t.db, at(0), { userIds: [me.member.id], threadKey });
    const theirs = await list(other.cookie);
    expect(theirs.items.some((g) => g.threadKey === threadKey)).toBe(false);
  });

  it('renders a stored XSS payload only as data (the web renders it as text)', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const payload = '<img src=x onerror=alert(1)>';
    await notifyTest(t.db, at(0), { userIds: [member.member.id], data: { title: payload } });
    const { items } = await list(member.cookie);
    expect(items[0]?.data.title).toBe(payload);
  });
});

describe('POST /api/notifications/read', () => {
  it('marks one, a thread, or all; the count follows', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const thread = `post:${randomUUID()}`;
    const [one] = await notifyTest(t.db, at(1), { userIds: [member.member.id] });
    await notifyTest(t.db, at(2), { userIds: [member.member.id], threadKey: thread });
    await notifyTest(t.db, at(3), { userIds: [member.member.id], threadKey: thread });
    await notifyTest(t.db, at(4), { userIds: [member.member.id] });
    expect(await unread(member.cookie)).toBe(4);

    let res = await call('/api/notifications/read', member.cookie, {
      method: 'POST',
      json: { ids: [one?.id] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ marked: 1, unread: 3 });
    res = await call('/api/notifications/read', member.cookie, {
      method: 'POST',
      json: { threadKey: thread },
    });
    expect(await res.json()).toEqual({ marked: 2, unread: 1 });
    const group = (await list(member.cookie)).items.find((g) => g.threadKey === thread);
    expect(group?.unreadCount).toBe(0);
    res = await call('/api/notifications/read', member.cookie, { method: 'POST', json: { all: true } });
    expect(await res.json()).toEqual({ marked: 1, unread: 0 });
    expect(await unread(member.cookie)).toBe(0);
  });

  it("another member's notification or thread is a 404, and nothing is marked", async () => {
    const thread = `post:${randomUUID()}`;
    const [mine] = await notifyTest(t.db, at(0), { userIds: [me.member.id], threadKey: thread });
    const [theirs] = await notifyTest(t.db, at(0), { userIds: [other.member.id] });
    const before = await unread(me.cookie);
    let res = await call('/api/notifications/read', me.cookie, {
      method: 'POST',
      json: { ids: [mine?.id, theirs?.id] },
    });
    expect(res.status).toBe(404);
    expect(await unread(me.cookie)).toBe(before);
    res = await call('/api/notifications/read', other.cookie, {
      method: 'POST',
      json: { threadKey: thread },
    });
    expect(res.status).toBe(404);
    res = await call('/api/notifications/read', me.cookie, {
      method: 'POST',
      json: { ids: [randomUUID()] },
    });
    expect(res.status).toBe(404);
  });

  it('bad input is a translated 400', async () => {
    for (const json of [
      {},
      { ids: [] },
      { ids: ['x'] },
      { all: false },
      { all: true, threadKey: 'a' },
      { x: 1 },
    ]) {
      const res = await call('/api/notifications/read', me.cookie, { method: 'POST', json }, 'ja');
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    const res = await call('/api/notifications/read', me.cookie, { method: 'POST', json: {} }, 'ja');
    expect((await fieldsOf(res)).all).toEqual(['ids・threadKey・all のいずれか1つを指定してください。']);
  });
});

describe('preferences', () => {
  it('lists every type with its default, saves a choice, and notify() follows it', async () => {
    const member = await signedIn(t, { role: 'employee' });
    let res = await call('/api/notifications/preferences', member.cookie);
    expect(res.status).toBe(200);
    let prefs = (await res.json()) as NotificationPreferenceList;
    expect(prefs.items.find((p) => p.type === 'mention')).toEqual({
      type: 'mention',
      channel: 'email',
      defaultChannel: 'email',
      required: false,
    });
    expect(prefs.items.find((p) => p.type === 'content_hidden')?.required).toBe(true);
    res = await call('/api/notifications/preferences', member.cookie, {
      method: 'PUT',
      json: { channels: { mention: 'off', reaction: 'digest', content_hidden: 'in_app' } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    prefs = (await res.json()) as NotificationPreferenceList;
    expect(prefs.items.find((p) => p.type === 'mention')?.channel).toBe('off');
    expect(prefs.items.find((p) => p.type === 'reaction')?.channel).toBe('digest');
    expect(await notifyTest(t.db, at(0), { userIds: [member.member.id], type: 'mention' })).toEqual([]);
    const [reaction] = await notifyTest(t.db, at(0), { userIds: [member.member.id], type: 'reaction' });
    expect(reaction?.channel).toBe('digest');
    // Another member's choices are untouched.
    const theirs = (await (
      await call('/api/notifications/preferences', other.cookie)
    ).json()) as NotificationPreferenceList;
    expect(theirs.items.find((p) => p.type === 'mention')?.channel).toBe('email');
  });

  it('a required type cannot be off: 400 in the reader’s language, nothing saved', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const res = await call(
      '/api/notifications/preferences',
      member.cookie,
      { method: 'PUT', json: { channels: { content_hidden: 'off', reaction: 'off' } } },
      'ja',
    );
    expect(res.status).toBe(400);
    expect((await fieldsOf(res))['channels.content_hidden']).toEqual([
      'モデレーションに関するお知らせはオフにできません。',
    ]);
    const prefs = (await (
      await call('/api/notifications/preferences', member.cookie)
    ).json()) as NotificationPreferenceList;
    expect(prefs.items.find((p) => p.type === 'reaction')?.channel).toBe('in_app');
  });

  it('bad input is a 400', async () => {
    for (const json of [
      {},
      { channels: {} },
      { channels: { nope: 'off' } },
      { channels: { mention: 'sms' } },
    ]) {
      const res = await call('/api/notifications/preferences', me.cookie, { method: 'PUT', json });
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
  });
});

describe('mutes', () => {
  it('mutes a thread for a day and a person forever; notify() respects them; unmute', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const thread = `post:${randomUUID()}`;
    await notifyTest(t.db, at(0), {
      userIds: [member.member.id],
      threadKey: thread,
      actorId: commenter.member.id,
      data: { title: 'Muted post' },
    });
    let res = await call('/api/notifications/mutes', member.cookie, {
      method: 'POST',
      json: { kind: 'thread', key: thread, duration: 'day' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()) as Mute).toMatchObject({
      kind: 'thread',
      key: thread,
      label: 'Muted post',
      until: at(24 * 60).toISOString(),
    });
    res = await call('/api/notifications/mutes', member.cookie, {
      method: 'POST',
      json: { kind: 'person', key: commenter.member.id, duration: 'forever' },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Mute).until).toBeNull();

    const list1 = (await (await call('/api/notifications/mutes', member.cookie)).json()) as MuteList;
    expect(list1.items.map((m) => m.kind).sort()).toEqual(['person', 'thread']);
    expect(await notifyTest(t.db, at(10), { userIds: [member.member.id], threadKey: thread })).toEqual([]);
    expect(
      await notifyTest(t.db, at(10), { userIds: [member.member.id], actorId: commenter.member.id }),
    ).toEqual([]);

    // A day later the thread mute has ended (and is no longer listed).
    clock.set(at(24 * 60 + 1).toISOString());
    const list2 = (await (await call('/api/notifications/mutes', member.cookie)).json()) as MuteList;
    expect(list2.items.map((m) => m.kind)).toEqual(['person']);

    res = await call(`/api/notifications/mutes?kind=person&key=${commenter.member.id}`, member.cookie, {
      method: 'DELETE',
    });
    expect(res.status).toBe(204);
    res = await call(`/api/notifications/mutes?kind=person&key=${commenter.member.id}`, member.cookie, {
      method: 'DELETE',
    });
    expect(res.status).toBe(404);
  });

  it("a thread or person not in my notifications is a 404; another member's mute is a 404", async () => {
    const thread = `post:${randomUUID()}`;
    await notifyTest(t.db, at(0), {
      userIds: [other.member.id],
      threadKey: thread,
      actorId: commenter2.member.id,
    });
    let res = await call('/api/notifications/mutes', me.cookie, {
      method: 'POST',
      json: { kind: 'thread', key: thread, duration: 'week' },
    });
    expect(res.status).toBe(404);
    res = await call('/api/notifications/mutes', me.cookie, {
      method: 'POST',
      json: { kind: 'person', key: randomUUID(), duration: 'week' },
    });
    expect(res.status).toBe(404);
    res = await call('/api/notifications/mutes', other.cookie, {
      method: 'POST',
      json: { kind: 'thread', key: thread, duration: 'week' },
    });
    expect(res.status).toBe(201);
    res = await call(`/api/notifications/mutes?kind=thread&key=${encodeURIComponent(thread)}`, me.cookie, {
      method: 'DELETE',
    });
    expect(res.status).toBe(404);
  });

  it('bad input is a translated 400', async () => {
    for (const json of [
      {},
      { kind: 'group', key: 'a', duration: 'day' },
      { kind: 'thread', key: '', duration: 'day' },
      { kind: 'thread', key: 'a', duration: 'year' },
    ]) {
      const res = await call('/api/notifications/mutes', me.cookie, { method: 'POST', json }, 'ja');
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    const res = await call('/api/notifications/mutes?kind=thread', me.cookie, { method: 'DELETE' }, 'ja');
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).key?.[0]).toMatch(/./);
  });
});
