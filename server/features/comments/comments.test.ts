import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, CommentPage } from '#common/comments';
import { comments, notifications, postingSuspensions, posts } from '#server/db/schema';
import { fixedClock } from '#server/lib/clock';
import { createTestGroup, createTestPost } from '#tests/factories/comments';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let other: Session;
let employee: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni' });
  other = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());

const call = (
  path: string,
  {
    cookie,
    method = 'GET',
    json,
    lang = 'en',
  }: { cookie?: string; method?: string; json?: unknown; lang?: string } = {},
) => {
  clock.advance(1000); // every write at its own time: "oldest first" is then unambiguous
  return t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
};
const comment = async (postId: string, cookie: string, json: unknown) => {
  const res = await call(`/api/posts/${postId}/comments`, { cookie, method: 'POST', json });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Comment;
};
const thread = async (postId: string, cookie: string, qs = '') => {
  const res = await call(`/api/posts/${postId}/comments${qs}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CommentPage;
};
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const countOf = async (postId: string) =>
  (await t.db.select({ n: posts.commentCount }).from(posts).where(eq(posts.id, postId)))[0]?.n;
const notificationsOf = (userId: string, postId: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.threadKey, `post:${postId}`)));

describe('anonymous', () => {
  it('gets 401 on every comment endpoint', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const id = randomUUID();
    expect((await call(`/api/posts/${post.id}/comments`)).status).toBe(401);
    expect(
      (await call(`/api/posts/${post.id}/comments`, { method: 'POST', json: { bodyMarkdown: 'x' } })).status,
    ).toBe(401);
    expect((await call(`/api/comments/${id}`, { method: 'PATCH', json: { bodyMarkdown: 'x' } })).status).toBe(
      401,
    );
    expect((await call(`/api/comments/${id}`, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('bad input', () => {
  it('refuses empty, oversized and unknown fields with translated messages, writing nothing', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const path = `/api/posts/${post.id}/comments`;
    const empty = await call(path, { cookie: alumnus.cookie, method: 'POST', json: { bodyMarkdown: '   ' } });
    expect(empty.status).toBe(400);
    expect((await fieldsOf(empty)).bodyMarkdown).toEqual(['Required.']);
    const ja = await call(path, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: '' },
      lang: 'ja',
    });
    expect((await fieldsOf(ja)).bodyMarkdown).toEqual(['必須項目です。']);
    const long = await call(path, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'あ'.repeat(5001) },
    });
    expect((await fieldsOf(long)).bodyMarkdown).toEqual(['Must be at most 5000 characters.']);
    const extra = await call(path, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'x', x: 1 },
    });
    expect(extra.status).toBe(400);
    const badParent = await call(path, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'x', parentId: 'nope' },
    });
    expect(Object.keys(await fieldsOf(badParent))).toEqual(['parentId']);
    expect((await call('/api/posts/not-a-uuid/comments', { cookie: alumnus.cookie })).status).toBe(400);
    expect((await call(`${path}?after=%25%25`, { cookie: alumnus.cookie })).status).toBe(400);
    expect((await call(`${path}?after=YWJj`, { cookie: alumnus.cookie })).status).toBe(400);
    expect((await call(`${path}?limit=0`, { cookie: alumnus.cookie })).status).toBe(400);
    const farAway = Buffer.from('+275760-09-13T00:00:00.000Z|abc').toString('base64url');
    expect((await call(`${path}?after=${farAway}`, { cookie: alumnus.cookie })).status).toBe(400);
    expect(await countOf(post.id)).toBe(0);
  });

  it('replies only to a top-level comment of the same post', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const elsewhere = await createTestPost(t, { authorId: hr.member.id });
    const top = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Top' });
    const reply = await comment(post.id, other.cookie, { bodyMarkdown: 'Reply', parentId: top.id });
    expect(reply.parentId).toBe(top.id);
    for (const parentId of [reply.id, randomUUID()]) {
      const res = await call(`/api/posts/${post.id}/comments`, {
        cookie: alumnus.cookie,
        method: 'POST',
        json: { bodyMarkdown: 'Nested', parentId },
      });
      expect(res.status).toBe(400);
      expect((await fieldsOf(res)).parentId).toEqual([
        'You can only reply to a comment of this post (not to a reply).',
      ]);
    }
    const cross = await call(`/api/posts/${elsewhere.id}/comments`, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Cross', parentId: top.id },
    });
    expect(cross.status).toBe(400);
    expect(await countOf(post.id)).toBe(2);
    expect(await countOf(elsewhere.id)).toBe(0);
  });
});

describe('who may see and write', () => {
  it('an internal post does not exist for an alumnus: 404 to read or comment, no notification', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id, classification: 'internal' });
    expect((await call(`/api/posts/${post.id}/comments`, { cookie: alumnus.cookie })).status).toBe(404);
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Let me in' },
    });
    expect(res.status).toBe(404);
    await comment(post.id, employee.cookie, { bodyMarkdown: 'Internal note' });
    expect((await thread(post.id, hr.cookie)).items).toHaveLength(1);
    expect(await countOf(post.id)).toBe(1);
  });

  it('a hidden post takes no comments (even from its author); only its author reads its thread', async () => {
    const post = await createTestPost(t, { authorId: alumnus.member.id, hidden: true });
    for (const who of [alumnus, other]) {
      const res = await call(`/api/posts/${post.id}/comments`, {
        cookie: who.cookie,
        method: 'POST',
        json: { bodyMarkdown: 'Hello' },
      });
      expect(res.status).toBe(404);
    }
    expect((await call(`/api/posts/${post.id}/comments`, { cookie: other.cookie })).status).toBe(404);
    expect((await thread(post.id, alumnus.cookie)).items).toEqual([]);
  });

  it('a deleted post is not found for anyone', async () => {
    const post = await createTestPost(t, { authorId: alumnus.member.id, deleted: true });
    expect((await call(`/api/posts/${post.id}/comments`, { cookie: alumnus.cookie })).status).toBe(404);
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: alumnus.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Hello' },
    });
    expect(res.status).toBe(404);
    expect((await call(`/api/posts/${randomUUID()}/comments`, { cookie: alumnus.cookie })).status).toBe(404);
  });

  it('a group post is for the group’s members only', async () => {
    const groupId = await createTestGroup(t, [alumnus.member.id]);
    const post = await createTestPost(t, { authorId: alumnus.member.id, groupId });
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: other.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Outsider' },
    });
    expect(res.status).toBe(404);
    expect((await call(`/api/posts/${post.id}/comments`, { cookie: other.cookie })).status).toBe(404);
    await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Member' });
  });

  it('only the author edits or deletes a comment', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const mine = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Mine' });
    const patch = await call(`/api/comments/${mine.id}`, {
      cookie: other.cookie,
      method: 'PATCH',
      json: { bodyMarkdown: 'Yours' },
    });
    expect(patch.status).toBe(404);
    expect((await call(`/api/comments/${mine.id}`, { cookie: hr.cookie, method: 'DELETE' })).status).toBe(
      404,
    );
    const bad = await call(`/api/comments/${mine.id}`, {
      cookie: alumnus.cookie,
      method: 'PATCH',
      json: { bodyMarkdown: '' },
    });
    expect(bad.status).toBe(400);
    expect((await call('/api/comments/x', { cookie: alumnus.cookie, method: 'DELETE' })).status).toBe(400);
  });
});

describe('a conversation', () => {
  it('comments, replies, edits and deletes keep the count and the order', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const first = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'First **bold**' });
    expect(first).toMatchObject({ state: 'visible', isMine: true, author: { id: alumnus.member.id } });
    expect(first.bodyHtml).toBe('<p>First <strong>bold</strong></p>\n');
    const second = await comment(post.id, other.cookie, { bodyMarkdown: 'Second' });
    const reply = await comment(post.id, hr.cookie, { bodyMarkdown: 'Thanks', parentId: first.id });
    expect(await countOf(post.id)).toBe(3);

    const page = await thread(post.id, other.cookie);
    expect(page.commentCount).toBe(3);
    expect(page.items.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(page.items[0]?.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(page.items[0]).toMatchObject({ isMine: false, bodyMarkdown: null });

    const edited = await call(`/api/comments/${first.id}`, {
      cookie: alumnus.cookie,
      method: 'PATCH',
      json: { bodyMarkdown: 'First, edited' },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      bodyHtml: '<p>First, edited</p>\n',
      editedAt: clock.now().toISOString(),
    });

    // Deleting a comment with a reply leaves a placeholder; one without replies disappears.
    expect(
      (await call(`/api/comments/${first.id}`, { cookie: alumnus.cookie, method: 'DELETE' })).status,
    ).toBe(204);
    expect(
      (await call(`/api/comments/${second.id}`, { cookie: other.cookie, method: 'DELETE' })).status,
    ).toBe(204);
    expect(
      (await call(`/api/comments/${second.id}`, { cookie: other.cookie, method: 'DELETE' })).status,
    ).toBe(404);
    expect(await countOf(post.id)).toBe(1);
    const after = await thread(post.id, alumnus.cookie);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      id: first.id,
      state: 'deleted',
      author: null,
      bodyHtml: null,
      isMine: false,
      replies: [{ id: reply.id, state: 'visible' }],
    });
  });

  it('pages through top-level comments with a keyset cursor', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await comment(post.id, alumnus.cookie, { bodyMarkdown: `c${i}` })).id);
    const one = await thread(post.id, other.cookie, '?limit=2');
    expect(one.items.map((c) => c.id)).toEqual(made.slice(0, 2));
    const two = await thread(post.id, other.cookie, `?limit=2&after=${one.nextCursor}`);
    expect(two.items.map((c) => c.id)).toEqual(made.slice(2, 4));
    const three = await thread(post.id, other.cookie, `?limit=2&after=${two.nextCursor}`);
    expect(three.items.map((c) => c.id)).toEqual(made.slice(4));
    expect(three.nextCursor).toBeNull();
  });

  it('a hidden comment is gone for others and shown to its author with the reason', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const lone = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Spam' });
    const parent = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Rude' });
    const reply = await comment(post.id, other.cookie, { bodyMarkdown: 'Calm down', parentId: parent.id });
    await t.db
      .update(comments)
      .set({ hiddenAt: clock.now(), hiddenReason: 'Harassment', hiddenBy: hr.member.id })
      .where(eq(comments.postId, post.id));
    await t.db.update(comments).set({ hiddenAt: null, hiddenReason: null }).where(eq(comments.id, reply.id));
    const theirs = await thread(post.id, other.cookie);
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0]).toMatchObject({
      id: parent.id,
      state: 'hidden',
      bodyHtml: null,
      hiddenReason: null,
      author: null,
      replies: [{ id: reply.id }],
    });
    const authors = await thread(post.id, alumnus.cookie);
    expect(authors.items.map((c) => [c.id, c.state, c.hiddenReason, c.bodyHtml])).toEqual([
      [lone.id, 'hidden', 'Harassment', '<p>Spam</p>\n'],
      [parent.id, 'hidden', 'Harassment', '<p>Rude</p>\n'],
    ]);
    // Nobody replies to a comment they cannot see.
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: other.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Reply', parentId: lone.id },
    });
    expect(res.status).toBe(400);
  });

  it('renders hostile text harmless', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const payload =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) ' +
      '<a href="javascript:alert(2)">a</a> [ok](https://example.com) "><svg onload=alert(3)>';
    const made = await comment(post.id, alumnus.cookie, { bodyMarkdown: payload });
    const listed = (await thread(post.id, other.cookie)).items[0];
    for (const html of [made.bodyHtml, listed?.bodyHtml]) {
      expect(html).not.toMatch(/<script|<img|<svg|<a[^>]*href="javascript/i);
      expect(html).not.toMatch(/<[a-z]+[^>]*\son\w+=/i);
      expect(html).toContain(
        '<a href="https://example.com" rel="nofollow noopener ugc" target="_blank">ok</a>',
      );
    }
  });
});

describe('notifications and mentions', () => {
  it('tells the post’s author, the parent’s author and the mentioned, once each', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id, title: 'Launch day' });
    const top = await comment(post.id, alumnus.cookie, { bodyMarkdown: 'Great news' });
    const reply = await comment(post.id, other.cookie, {
      bodyMarkdown: `Agreed @[${employee.member.id}](member:${employee.member.id}) and @[HR](member:${hr.member.id})`,
      parentId: top.id,
    });
    expect(reply.bodyHtml).toContain(`<a href="/members/${employee.member.id}">@`);
    const types = async (userId: string) =>
      (await notificationsOf(userId, post.id)).map((n) => n.type).sort();
    expect(await types(hr.member.id)).toEqual(['post_comment', 'post_comment']);
    expect(await types(alumnus.member.id)).toEqual(['comment_reply']);
    expect(await types(employee.member.id)).toEqual(['mention']);
    expect(await types(other.member.id)).toEqual([]);
    const [mention] = await notificationsOf(employee.member.id, post.id);
    expect(mention).toMatchObject({ actorId: other.member.id, link: `/posts/${post.id}` });
    expect(mention?.data).toMatchObject({ title: 'Launch day' });
  });

  it('refuses to mention someone who cannot see the post, naming them', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id, classification: 'internal' });
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: employee.cookie,
      method: 'POST',
      json: { bodyMarkdown: `Ask @[Alumna Hanako](member:${alumnus.member.id}) and @[Nobody](member:ghost)` },
      lang: 'ja',
    });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).bodyMarkdown).toEqual([
      '次のメンバーはこの投稿を見られないため、メンションできません: Alumna Hanako, Nobody',
    ]);
    expect(await countOf(post.id)).toBe(0);
    expect(await notificationsOf(alumnus.member.id, post.id)).toEqual([]);
  });

  it('an edit tells only the newly mentioned', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const made = await comment(post.id, alumnus.cookie, {
      bodyMarkdown: `Hi @[x](member:${other.member.id})`,
    });
    await call(`/api/comments/${made.id}`, {
      cookie: alumnus.cookie,
      method: 'PATCH',
      json: { bodyMarkdown: `Hi @[x](member:${other.member.id}) @[y](member:${employee.member.id})` },
    });
    expect((await notificationsOf(other.member.id, post.id)).map((n) => n.type)).toEqual(['mention']);
    expect((await notificationsOf(employee.member.id, post.id)).map((n) => n.type)).toEqual(['mention']);
  });
});

describe('limits', () => {
  it('a suspended member cannot comment (409, nothing written)', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const suspended = await signedIn(t, { role: 'alumni' });
    await t.db.insert(postingSuspensions).values({
      id: randomUUID(),
      userId: suspended.member.id,
      until: new Date(clock.now().getTime() + 86_400_000),
      reason: 'Cooling off',
    });
    const res = await call(`/api/posts/${post.id}/comments`, {
      cookie: suspended.cookie,
      method: 'POST',
      json: { bodyMarkdown: 'Hello' },
    });
    expect(res.status).toBe(409);
    expect(await countOf(post.id)).toBe(0);
  });

  it('commenting is rate-limited per member', async () => {
    const post = await createTestPost(t, { authorId: hr.member.id });
    const chatty = await signedIn(t, { role: 'alumni' });
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (
        await call(`/api/posts/${post.id}/comments`, {
          cookie: chatty.cookie,
          method: 'POST',
          json: { bodyMarkdown: `n${i}` },
        })
      ).status;
    }
    expect(last).toBe(429);
    expect(await countOf(post.id)).toBe(20);
  });
});
