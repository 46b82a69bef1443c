import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REACTION_TYPES, type ReactionState, type Reactors } from '#common/comments';
import { notifications, posts, REACTIONS, reactions, users } from '#server/db/schema';
import { createTestGroup, createTestPost } from '#tests/factories/comments';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni' });
  other = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const react = (postId: string, reaction: string, cookie?: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  t.request(`/api/posts/${postId}/reactions/${reaction}`, {
    method,
    cookie,
    headers: { 'accept-language': 'en' },
  });
const countsOf = async (postId: string) =>
  (await t.db.select({ c: posts.reactionCounts }).from(posts).where(eq(posts.id, postId)))[0]?.c;

it('offers the same reactions on both sides of the wire', () => {
  expect([...REACTION_TYPES]).toEqual([...REACTIONS]);
});

describe('reactions', () => {
  it('anonymous: 401', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    expect((await react(post.id, 'like')).status).toBe(401);
    expect((await react(post.id, 'like', undefined, 'DELETE')).status).toBe(401);
    expect((await t.request(`/api/posts/${post.id}/reactions`)).status).toBe(401);
  });

  it('an unknown reaction or id is a 400 naming the choices', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const res = await react(post.id, 'love', alumnus.cookie);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields.reaction?.[0]).toContain('like, celebrate, insightful, support, curious');
    expect((await react('nope', 'like', alumnus.cookie)).status).toBe(400);
    expect(await countsOf(post.id)).toEqual({});
  });

  it('a post the viewer may not see, a hidden or a deleted post: 404', async () => {
    const internal = await createTestPost(t, { authorId: hr.member.id, classification: 'internal' });
    const hidden = await createTestPost(t, { authorId: alumnus.member.id, hidden: true });
    const deleted = await createTestPost(t, { authorId: alumnus.member.id, deleted: true });
    const groupId = await createTestGroup(t, [alumnus.member.id]);
    const group = await createTestPost(t, { authorId: alumnus.member.id, groupId });
    for (const id of [internal.id, hidden.id, deleted.id, randomUUID()]) {
      expect((await react(id, 'like', alumnus.cookie)).status).toBe(404);
    }
    expect((await react(group.id, 'like', other.cookie)).status).toBe(404);
    expect((await react(group.id, 'like', other.cookie, 'DELETE')).status).toBe(404);
    expect((await t.request(`/api/posts/${internal.id}/reactions`, { cookie: alumnus.cookie })).status).toBe(
      404,
    );
    expect((await t.request(`/api/posts/${group.id}/reactions`, { cookie: other.cookie })).status).toBe(404);
    expect((await react(group.id, 'like', alumnus.cookie)).status).toBe(200);
    expect(await t.db.select().from(reactions).where(eq(reactions.postId, internal.id))).toEqual([]);
  });

  it('is idempotent, keeps the counts, and tells the author once per reactor', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const first = await react(post.id, 'celebrate', alumnus.cookie);
    expect(first.status).toBe(200);
    expect((await first.json()) as ReactionState).toEqual({ counts: { celebrate: 1 }, mine: ['celebrate'] });
    await react(post.id, 'celebrate', alumnus.cookie);
    await react(post.id, 'like', alumnus.cookie);
    await react(post.id, 'like', other.cookie);
    expect(await countsOf(post.id)).toEqual({ celebrate: 1, like: 2 });
    const off = await react(post.id, 'celebrate', alumnus.cookie, 'DELETE');
    expect((await off.json()) as ReactionState).toEqual({ counts: { like: 2 }, mine: ['like'] });
    await react(post.id, 'celebrate', alumnus.cookie, 'DELETE');
    await react(post.id, 'celebrate', alumnus.cookie);
    expect(await countsOf(post.id)).toMatchObject({ celebrate: 1, like: 2 });
    const told = await t.db
      .select({ actorId: notifications.actorId })
      .from(notifications)
      .where(and(eq(notifications.userId, hr.member.id), eq(notifications.threadKey, `post:${post.id}`)));
    expect(told.map((n) => n.actorId).sort()).toEqual([alumnus.member.id, other.member.id].sort());

    const list = await t.request(`/api/posts/${post.id}/reactions`, { cookie: other.cookie });
    expect(list.status).toBe(200);
    const body = (await list.json()) as Reactors;
    expect(body.mine).toEqual(['like']);
    expect(
      body.reactors
        .find((r) => r.reaction === 'like')
        ?.members.map((m) => m.id)
        .sort(),
    ).toEqual([alumnus.member.id, other.member.id].sort());
    // A deactivated member's name is not listed (their reaction still counts).
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, other.member.id));
    const again = (await (
      await t.request(`/api/posts/${post.id}/reactions`, { cookie: hr.cookie })
    ).json()) as Reactors;
    expect(again.reactors.find((r) => r.reaction === 'like')?.members.map((m) => m.id)).toEqual([
      alumnus.member.id,
    ]);
    await t.db.update(users).set({ status: 'active' }).where(eq(users.id, other.member.id));
  });

  it('counts stay exact under concurrent toggles', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const crowd = [alumnus, other, hr, await signedIn(t, { role: 'employee' })];
    const calls = [];
    for (let round = 0; round < 6; round++) {
      for (const who of crowd) {
        for (const reaction of ['like', 'insightful'] as const) {
          calls.push(
            react(post.id, reaction, who.cookie, (round + crowd.indexOf(who)) % 3 === 2 ? 'DELETE' : 'PUT'),
          );
        }
      }
    }
    const statuses = (await Promise.all(calls)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const rows = await t.db
      .select({ reaction: reactions.reaction, n: count() })
      .from(reactions)
      .where(eq(reactions.postId, post.id))
      .groupBy(reactions.reaction);
    const actual = Object.fromEntries(rows.map((r) => [r.reaction, r.n]));
    const stored = Object.fromEntries(
      Object.entries((await countsOf(post.id)) ?? {}).filter(([, n]) => n > 0),
    );
    expect(stored).toEqual(actual);
  });
});
