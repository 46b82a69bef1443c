import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BlockedList,
  ConnectionList,
  ConnectionRequestCreated,
  ConnectionRequestList,
  Relation,
} from '#common/connections';
import {
  blocks,
  companyPosters,
  connectionRequests,
  connections,
  follows,
  notifications,
  peopleReports,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestGroup, createTestPost } from '#tests/factories/comments';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let a: Session;
let b: Session;
let c: Session;
let unlisted: Session;

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  a = await signedIn(t, { role: 'alumni' });
  b = await signedIn(t, { role: 'alumni' });
  c = await signedIn(t, { role: 'employee' });
  unlisted = await signedIn(t, { role: 'alumni', consents: [] });
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
const relation = async (viewer: Session, id: string) =>
  jsonOf<Relation>(await call('GET', `/api/members/${id}/relation`, viewer.cookie));
const send = (from: Session, to: string, note?: string, lang = 'en') =>
  call('POST', '/api/connections/requests', from.cookie, { toId: to, note }, lang);
const pairRows = (x: string, y: string) =>
  t.db
    .select()
    .from(connections)
    .where(
      or(
        and(eq(connections.userId, x), eq(connections.otherId, y)),
        and(eq(connections.userId, y), eq(connections.otherId, x)),
      ),
    );
const notificationsFor = (userId: string, type: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

describe('connection requests', () => {
  it('401 anonymous; 400 translated for bad input and for oneself', async () => {
    expect((await send({ cookie: '' } as Session, b.member.id)).status).toBe(401);
    expect((await call('GET', '/api/connections/requests')).status).toBe(401);
    const bad = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await call('POST', '/api/connections/requests', a.cookie, { toId: 'nope', note: 'x'.repeat(301) }),
      400,
    );
    expect(Object.keys(bad.error.fields).sort()).toEqual(['note', 'toId']);
    const self = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await send(a, a.member.id, undefined, 'ja'),
      400,
    );
    expect(self.error.fields.toId).toEqual(['自分自身にはつながりリクエストを送れません。']);
  });

  it('404 for an unknown member or one not listed in the directory', async () => {
    await expectStatus(await send(a, MISSING), 404);
    await expectStatus(await send(a, unlisted.member.id), 404);
    await expectStatus(await call('GET', `/api/members/${unlisted.member.id}/relation`, a.cookie), 404);
  });

  it('sends with a note, notifies, refuses a duplicate; accepting connects both ways once', async () => {
    const created = await jsonOf<ConnectionRequestCreated>(
      await send(a, b.member.id, '  Hello from SG  '),
      201,
    );
    expect(created.status).toBe('pending');
    await expectStatus(await send(a, b.member.id), 409);
    expect(await notificationsFor(b.member.id, 'connection_request')).toHaveLength(1);

    const incoming = await jsonOf<ConnectionRequestList>(
      await call('GET', '/api/connections/requests?direction=in', b.cookie),
    );
    expect(incoming.items.map((r) => [r.id, r.member.id, r.note])).toEqual([
      [created.id, a.member.id, 'Hello from SG'],
    ]);
    const outgoing = await jsonOf<ConnectionRequestList>(
      await call('GET', '/api/connections/requests?direction=out', a.cookie),
    );
    expect(outgoing.total).toBe(1);
    expect((await relation(b, a.member.id)).connection).toEqual({
      state: 'pending_in',
      requestId: created.id,
    });
    expect((await relation(a, b.member.id)).connection.state).toBe('pending_out');
    expect(await jsonOf(await call('GET', '/api/connections/summary', b.cookie))).toEqual({
      incomingRequests: 1,
    });

    // Only the addressee accepts; a stranger gets 404.
    await expectStatus(await call('POST', `/api/connections/requests/${created.id}/accept`, c.cookie), 404);
    await expectStatus(await call('POST', `/api/connections/requests/${created.id}/accept`, a.cookie), 404);
    const accepted = await jsonOf<{ status: string }>(
      await call('POST', `/api/connections/requests/${created.id}/accept`, b.cookie),
    );
    expect(accepted.status).toBe('accepted');
    await expectStatus(await call('POST', `/api/connections/requests/${created.id}/accept`, b.cookie), 409);
    expect(await pairRows(a.member.id, b.member.id)).toHaveLength(2);
    expect(await notificationsFor(a.member.id, 'connection_accepted')).toHaveLength(1);
    await expectStatus(await send(b, a.member.id), 409);
    const rel = await relation(a, b.member.id);
    expect(rel.connection.state).toBe('connected');
    expect(rel.canMessage).toBe(true);
  });

  it('a request when the other already asked accepts theirs: nothing stored twice', async () => {
    const x = await signedIn(t, { role: 'alumni' });
    const first = await jsonOf<ConnectionRequestCreated>(await send(x, c.member.id), 201);
    const second = await jsonOf<ConnectionRequestCreated>(await send(c, x.member.id), 201);
    expect(second).toEqual({ id: first.id, status: 'accepted' });
    const rows = await t.db
      .select()
      .from(connectionRequests)
      .where(or(eq(connectionRequests.fromId, x.member.id), eq(connectionRequests.toId, x.member.id)));
    expect(rows).toHaveLength(1);
    expect(await pairRows(x.member.id, c.member.id)).toHaveLength(2);
  });

  it('decline and withdraw; remove a connection', async () => {
    const x = await signedIn(t, { role: 'alumni' });
    const y = await signedIn(t, { role: 'alumni' });
    const r1 = await jsonOf<ConnectionRequestCreated>(await send(x, y.member.id), 201);
    await expectStatus(await call('POST', `/api/connections/requests/${r1.id}/withdraw`, y.cookie), 404);
    expect(
      (
        await jsonOf<{ status: string }>(
          await call('POST', `/api/connections/requests/${r1.id}/decline`, y.cookie),
        )
      ).status,
    ).toBe('declined');
    const r2 = await jsonOf<ConnectionRequestCreated>(await send(x, y.member.id), 201);
    expect(
      (
        await jsonOf<{ status: string }>(
          await call('POST', `/api/connections/requests/${r2.id}/withdraw`, x.cookie),
        )
      ).status,
    ).toBe('withdrawn');
    await expectStatus(await call('POST', `/api/connections/requests/nope/accept`, x.cookie), 400);

    const r3 = await jsonOf<ConnectionRequestCreated>(await send(x, y.member.id), 201);
    await expectStatus(await call('POST', `/api/connections/requests/${r3.id}/accept`, y.cookie), 200);
    await expectStatus(await call('DELETE', `/api/connections/${y.member.id}`), 401);
    await expectStatus(await call('DELETE', `/api/connections/${y.member.id}`, x.cookie), 204);
    expect(await pairRows(x.member.id, y.member.id)).toHaveLength(0);
    await expectStatus(await call('DELETE', `/api/connections/${y.member.id}`, x.cookie), 404);
  });

  it('rate-limits requests', async () => {
    const spammer = await signedIn(t, { role: 'alumni' });
    const targets = await Promise.all(
      Array.from({ length: 31 }, () => createTestMember(t, { canSignIn: false })),
    );
    let last: Response | undefined;
    for (const target of targets) last = await send(spammer, target.id);
    expect(last?.status).toBe(429);
  });
});

describe("a member's connections and mutual connections", () => {
  it('paged list per the owner setting; owner and HR always; mutual count and sample', async () => {
    const owner = await signedIn(t, { role: 'alumni' });
    const friend = await signedIn(t, { role: 'alumni' });
    const stranger = await signedIn(t, { role: 'alumni' });
    await t.db.insert(connections).values([
      { userId: owner.member.id, otherId: friend.member.id },
      { userId: friend.member.id, otherId: owner.member.id },
      { userId: owner.member.id, otherId: a.member.id },
      { userId: a.member.id, otherId: owner.member.id },
      { userId: stranger.member.id, otherId: a.member.id },
      { userId: a.member.id, otherId: stranger.member.id },
    ]);
    const path = `/api/members/${owner.member.id}/connections?pageSize=1`;
    await expectStatus(await call('GET', path), 401);
    await expectStatus(
      await call('GET', `/api/members/${owner.member.id}/connections?pageSize=99`, owner.cookie),
      400,
    );
    const page = await jsonOf<ConnectionList>(await call('GET', path, stranger.cookie));
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.hasMore).toBe(true);

    // Mutual: stranger and owner both know a.
    const rel = await relation(stranger, owner.member.id);
    expect(rel.mutual.count).toBe(1);
    expect(rel.mutual.sample.map((m) => m.id)).toEqual([a.member.id]);

    await expectStatus(
      await call('PUT', '/api/connections/settings', owner.cookie, { visibility: 'secret' }),
      400,
    );
    await jsonOf(await call('PUT', '/api/connections/settings', owner.cookie, { visibility: 'connections' }));
    await expectStatus(await call('GET', path, stranger.cookie), 404);
    await expectStatus(await call('GET', path, friend.cookie), 200);
    await jsonOf(await call('PUT', '/api/connections/settings', owner.cookie, { visibility: 'only_me' }));
    await expectStatus(await call('GET', path, friend.cookie), 404);
    await expectStatus(await call('GET', path, owner.cookie), 200);
    await expectStatus(await call('GET', path, hr.cookie), 200);
    expect(await jsonOf(await call('GET', '/api/connections/settings', owner.cookie))).toEqual({
      visibility: 'only_me',
    });
    const mine = await jsonOf<ConnectionList>(await call('GET', '/api/connections', owner.cookie));
    expect(mine.total).toBe(2);
  });

  it('`q` narrows my connections by name in kanji, kana or romaji; 400 when too long; 401 anonymous', async () => {
    const owner = await signedIn(t, { role: 'alumni' });
    const takahashi = await signedIn(t, {
      role: 'alumni',
      names: {
        familyName: '髙橋',
        givenName: '陽向',
        familyNameKana: 'たかはし',
        givenNameKana: 'ひなた',
        familyNameRomaji: 'Takahashi',
        givenNameRomaji: 'Hinata',
      },
    });
    const mori = await signedIn(t, {
      role: 'alumni',
      names: { familyName: '森', givenName: '湊', familyNameKana: 'もり', givenNameKana: 'みなと' },
    });
    // Not a connection of the owner: never in the owner's list, whatever the name.
    const stranger = await signedIn(t, {
      role: 'alumni',
      names: { familyName: '高橋', givenName: '別人', familyNameKana: 'たかはし', givenNameKana: 'べつじん' },
    });
    await t.db.insert(connections).values(
      [takahashi, mori].flatMap((x) => [
        { userId: owner.member.id, otherId: x.member.id },
        { userId: x.member.id, otherId: owner.member.id },
      ]),
    );
    const ids = async (q: string) =>
      (
        await jsonOf<ConnectionList>(
          await call('GET', `/api/connections?q=${encodeURIComponent(q)}`, owner.cookie),
        )
      ).items.map((i) => i.member.id);
    expect(await ids('高橋')).toEqual([takahashi.member.id]); // variant kanji folded (髙 ≡ 高)
    expect(await ids('タカハシ')).toEqual([takahashi.member.id]);
    expect(await ids('takahashi hinata')).toEqual([takahashi.member.id]);
    expect(await ids('もり')).toEqual([mori.member.id]);
    expect(await ids('nobody-here')).toEqual([]);
    expect(await ids('  ')).toHaveLength(2);
    const counted = await jsonOf<ConnectionList>(await call('GET', '/api/connections?q=mori', owner.cookie));
    expect(counted.total).toBe(1);
    expect(await ids('%')).toEqual([]); // LIKE wildcards are searched as text
    expect(await ids('高橋')).not.toContain(stranger.member.id);

    const bad = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await call('GET', `/api/connections?q=${'x'.repeat(101)}`, owner.cookie, undefined, 'ja'),
      400,
    );
    expect(bad.error.fields.q?.[0]).toMatch(/100/);
    await expectStatus(await call('GET', '/api/connections?q=mori'), 401);
    // Another member's list takes the same filter, within what their setting shows.
    const seen = await jsonOf<ConnectionList>(
      await call('GET', `/api/members/${owner.member.id}/connections?q=hinata`, a.cookie),
    );
    expect(seen.items.map((i) => i.member.id)).toEqual([takahashi.member.id]);
  });
});

describe('follows', () => {
  it('company accounts and speakers only; followers counted', async () => {
    const speaker = await signedIn(t, { role: 'alumni', profile: { speaking: true } });
    const poster = await signedIn(t, { role: 'employee' });
    await t.db.insert(companyPosters).values({ userId: poster.member.id });
    await expectStatus(await call('POST', `/api/members/${hr.member.id}/follow`), 401);
    await expectStatus(await call('POST', `/api/members/${MISSING}/follow`, a.cookie), 404);
    const refused = await jsonOf<{ error: { message: string } }>(
      await call('POST', `/api/members/${b.member.id}/follow`, a.cookie),
      400,
    );
    expect(refused.error.message).toMatch(/company accounts and speakers/);
    expect(await jsonOf(await call('POST', `/api/members/${hr.member.id}/follow`, a.cookie))).toEqual({
      following: true,
      followerCount: 1,
    });
    await expectStatus(await call('POST', `/api/members/${speaker.member.id}/follow`, a.cookie), 200);
    await expectStatus(await call('POST', `/api/members/${poster.member.id}/follow`, a.cookie), 200);
    const rel = await relation(a, hr.member.id);
    expect([rel.following, rel.canFollow, rel.followerCount]).toEqual([true, true, 1]);
    expect((await relation(a, b.member.id)).canFollow).toBe(false);
    expect(await jsonOf(await call('DELETE', `/api/members/${hr.member.id}/follow`, a.cookie))).toEqual({
      following: false,
      followerCount: 0,
    });
  });
});

describe('offers the member hid', () => {
  it('"can follow" and "can ask for advice" tell nothing a field setting hides', async () => {
    // Speaking shown to employees and HR only, mentoring to HR only: an alumnus sees neither.
    const quiet = await signedIn(t, {
      role: 'alumni',
      profile: {
        speaking: true,
        mentoring: true,
        visibility: { speaking: 'employees', mentoring: 'admins' },
      },
    });
    const asAlumnus = await relation(a, quiet.member.id);
    expect([asAlumnus.canFollow, asAlumnus.canRequestAdvice]).toEqual([false, false]);
    await expectStatus(await call('POST', `/api/members/${quiet.member.id}/follow`, a.cookie), 400);
    // An employee sees the speaking flag (and may ask any alumnus about their path).
    const asEmployee = await relation(c, quiet.member.id);
    expect([asEmployee.canFollow, asEmployee.canRequestAdvice]).toEqual([true, true]);
    // HR sees every field.
    expect((await relation(hr, quiet.member.id)).canRequestAdvice).toBe(true);
    // The member's own flags are theirs to see, but one does not follow or ask oneself.
    const own = await relation(quiet, quiet.member.id);
    expect([own.canFollow, own.canRequestAdvice]).toEqual([false, false]);
    // A visible flag still counts for an alumnus.
    const open = await signedIn(t, { role: 'alumni', profile: { mentoring: true } });
    expect((await relation(a, open.member.id)).canRequestAdvice).toBe(true);
    expect((await relation(a, b.member.id)).canRequestAdvice).toBe(false);
  });
});

describe('blocks', () => {
  it('blocking hides both ways, removes the connection, requests and follows; unblock restores reach', async () => {
    const x = await signedIn(t, { role: 'alumni' });
    const y = await signedIn(t, { role: 'alumni', profile: { speaking: true } });
    await t.db.insert(connections).values([
      { userId: x.member.id, otherId: y.member.id },
      { userId: y.member.id, otherId: x.member.id },
    ]);
    await t.db.insert(follows).values({ followerId: x.member.id, followeeId: y.member.id });
    await expectStatus(await call('POST', `/api/members/${y.member.id}/block`), 401);
    await expectStatus(await call('POST', `/api/members/${x.member.id}/block`, x.cookie), 400);
    await expectStatus(await call('POST', `/api/members/${MISSING}/block`, x.cookie), 404);
    await expectStatus(await call('POST', `/api/members/${y.member.id}/block`, x.cookie), 200);
    expect(await pairRows(x.member.id, y.member.id)).toHaveLength(0);
    expect(await t.db.select().from(follows).where(eq(follows.followerId, x.member.id))).toHaveLength(0);

    // The blocked member: profile, relation, request all 404; the blocker sees blockedByMe.
    await expectStatus(await call('GET', `/api/members/${x.member.id}`, y.cookie), 404);
    await expectStatus(await call('GET', `/api/members/${y.member.id}`, x.cookie), 404);
    await expectStatus(await call('GET', `/api/members/${x.member.id}/relation`, y.cookie), 404);
    await expectStatus(await send(y, x.member.id), 404);
    await expectStatus(await send(x, y.member.id), 404);
    expect((await relation(x, y.member.id)).blockedByMe).toBe(true);
    const list = await jsonOf<BlockedList>(await call('GET', '/api/blocks', x.cookie));
    expect(list.items.map((i) => i.member.id)).toEqual([y.member.id]);

    // Directory: neither finds the other.
    const search = async (viewer: Session) =>
      (
        await jsonOf<{ items: { id: string }[] }>(
          await call('GET', '/api/directory?pageSize=50&sort=name', viewer.cookie),
        )
      ).items.map((i) => i.id);
    expect(await search(y)).not.toContain(x.member.id);
    expect(await search(x)).not.toContain(y.member.id);

    await expectStatus(await call('DELETE', `/api/members/${y.member.id}/block`, y.cookie), 404);
    await expectStatus(await call('DELETE', `/api/members/${y.member.id}/block`, x.cookie), 200);
    expect(await t.db.select().from(blocks).where(eq(blocks.blockerId, x.member.id))).toHaveLength(0);
    await expectStatus(await call('GET', `/api/members/${x.member.id}`, y.cookie), 200);
  });

  it('blocking withdraws open requests between the two', async () => {
    const x = await signedIn(t, { role: 'alumni' });
    const y = await signedIn(t, { role: 'alumni' });
    const r = await jsonOf<ConnectionRequestCreated>(await send(y, x.member.id), 201);
    await expectStatus(await call('POST', `/api/members/${y.member.id}/block`, x.cookie), 200);
    const [row] = await t.db.select().from(connectionRequests).where(eq(connectionRequests.id, r.id));
    expect(row?.status).toBe('declined');
    await expectStatus(await call('POST', `/api/connections/requests/${r.id}/accept`, x.cookie), 409);
  });
});

describe('a block is enforced where members meet', () => {
  it('feed, comments, mentions and group member lists leave the other out, both ways', async () => {
    const x = await signedIn(t, { role: 'alumni' });
    const y = await signedIn(t, { role: 'alumni' });
    const group = await createTestGroup(t, [x.member.id, y.member.id]);
    const ofY = await createTestPost(t, {
      authorId: y.member.id,
      createdAt: new Date('2026-12-06T00:00:00Z'),
    });
    const ofX = await createTestPost(t, {
      authorId: x.member.id,
      createdAt: new Date('2026-12-06T01:00:00Z'),
    });
    await expectStatus(
      await call('POST', `/api/posts/${ofX.id}/comments`, y.cookie, { bodyMarkdown: 'Nice one' }),
      201,
    );
    const feedIds = async (viewer: Session) =>
      (
        await jsonOf<{ items: { id: string }[] }>(await call('GET', '/api/feed?limit=50', viewer.cookie))
      ).items.map((p) => p.id);
    const commentCount = async (viewer: Session, postId: string) =>
      (await jsonOf<{ items: unknown[] }>(await call('GET', `/api/posts/${postId}/comments`, viewer.cookie)))
        .items.length;
    const groupMemberIds = async (viewer: Session) =>
      (
        await jsonOf<{ items: { id: string }[] }>(
          await call('GET', `/api/groups/${group}/members`, viewer.cookie),
        )
      ).items.map((m) => m.id);
    expect(await feedIds(x)).toContain(ofY.id);
    expect(await commentCount(x, ofX.id)).toBe(1);
    expect(await groupMemberIds(x)).toContain(y.member.id);

    await expectStatus(await call('POST', `/api/members/${y.member.id}/block`, x.cookie), 200);
    expect(await feedIds(x)).not.toContain(ofY.id);
    expect(await feedIds(y)).not.toContain(ofX.id);
    expect(await commentCount(x, ofX.id)).toBe(0);
    expect(await groupMemberIds(x)).not.toContain(y.member.id);
    expect(await groupMemberIds(y)).not.toContain(x.member.id);
    // Neither may comment on the other's post, nor mention them.
    await expectStatus(
      await call('POST', `/api/posts/${ofX.id}/comments`, y.cookie, { bodyMarkdown: 'Hi' }),
      404,
    );
    const mention = `@[${y.member.names.familyName}](member:${y.member.id}) hello`;
    const refused = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await call('POST', `/api/posts/${ofX.id}/comments`, x.cookie, { bodyMarkdown: mention }),
      400,
    );
    expect(refused.error.fields.bodyMarkdown?.[0]).toContain(y.member.names.familyName);
    await expectStatus(
      await call('POST', '/api/posts', x.cookie, { kind: 'insight', title: null, bodyMarkdown: mention }),
      400,
    );
  });
});

describe('reports about a member', () => {
  it('401, 400, 404; a second open report is the same one', async () => {
    const path = `/api/members/${b.member.id}/reports`;
    await expectStatus(await call('POST', path, undefined, { category: 'spam' }), 401);
    const bad = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await call('POST', path, c.cookie, { category: 'other' }),
      400,
    );
    expect(Object.keys(bad.error.fields)).toEqual(['note']);
    await expectStatus(
      await call('POST', `/api/members/${MISSING}/reports`, c.cookie, { category: 'spam' }),
      404,
    );
    await expectStatus(
      await call('POST', `/api/members/${c.member.id}/reports`, c.cookie, { category: 'spam' }),
      400,
    );
    const first = await jsonOf<{ id: string }>(
      await call('POST', path, c.cookie, { category: 'spam', note: 'ads' }),
      201,
    );
    const second = await jsonOf<{ id: string }>(
      await call('POST', path, c.cookie, { category: 'harassment' }),
      201,
    );
    expect(second.id).toBe(first.id);
    expect(
      await t.db.select().from(peopleReports).where(eq(peopleReports.reporterId, c.member.id)),
    ).toHaveLength(1);
  });
});
