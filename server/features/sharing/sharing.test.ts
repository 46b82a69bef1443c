import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareKitAnswer, ShareStats } from '#common/sharing';
import { posts, shareLinks, users } from '#server/db/schema';
import { createTestPost } from '#tests/factories/comments';
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

const SHARE = {
  ja: '新製品「ミライ」を発表しました！',
  en: 'We launched Mirai!',
  url: 'https://example.com/mirai',
};
const launch = (options: Partial<Parameters<typeof createTestPost>[1]> = {}) =>
  createTestPost(t, { authorId: hr.member.id, isCompany: true, share: SHARE, ...options });
const makeLink = async (postId: string, cookie: string) => {
  const res = await t.request(`/api/posts/${postId}/share-link`, { method: 'POST', cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ShareKitAnswer;
};
const click = (token: string, headers: Record<string, string> = {}) =>
  t.app.request(`/s/${token}`, { headers });

describe('share links', () => {
  it('anonymous: 401 on the API', async () => {
    const post = await launch();
    expect((await t.request(`/api/posts/${post.id}/share-link`, { method: 'POST' })).status).toBe(401);
    expect((await t.request(`/api/posts/${post.id}/share-link`)).status).toBe(401);
    expect((await t.request(`/api/posts/${post.id}/share-stats`)).status).toBe(401);
  });

  it('404 for a post without a kit, not visible, hidden or deleted; 400 for a bad id', async () => {
    const plain = await createTestPost(t, { authorId: hr.member.id });
    const internal = await launch({ classification: 'internal' });
    const hidden = await launch({ hidden: true });
    const deleted = await launch({ deleted: true });
    for (const id of [plain.id, internal.id, hidden.id, deleted.id, randomUUID()]) {
      expect(
        (await t.request(`/api/posts/${id}/share-link`, { method: 'POST', cookie: alumnus.cookie })).status,
      ).toBe(404);
    }
    expect((await t.request(`/api/posts/${internal.id}/share-link`, { cookie: alumnus.cookie })).status).toBe(
      404,
    );
    expect(
      (await t.request('/api/posts/x/share-link', { method: 'POST', cookie: alumnus.cookie })).status,
    ).toBe(400);
    expect(await t.db.select().from(shareLinks).where(eq(shareLinks.userId, alumnus.member.id))).toEqual([]);
  });

  it('one personal link per member and post', async () => {
    const post = await launch();
    const before = (await (
      await t.request(`/api/posts/${post.id}/share-link`, { cookie: alumnus.cookie })
    ).json()) as ShareKitAnswer;
    expect(before).toEqual({
      post: {
        id: post.id,
        title: post.title,
        shareTextJa: SHARE.ja,
        shareTextEn: SHARE.en,
        shareUrl: SHARE.url,
      },
      link: null,
    });
    const a = await makeLink(post.id, alumnus.cookie);
    const b = await makeLink(post.id, alumnus.cookie);
    const c = await makeLink(post.id, other.cookie);
    expect(a.link?.token).toBe(b.link?.token);
    expect(a.link?.token).not.toBe(c.link?.token);
    expect(a.link?.url).toBe(`${t.env.BASE_URL.replace(/\/$/, '')}/s/${a.link?.token}`);
    expect(a.link?.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('a click is counted and redirected, with nothing kept about the clicker', async () => {
    const post = await launch();
    const { link } = await makeLink(post.id, alumnus.cookie);
    const token = link?.token ?? '';
    const lastActive = async () =>
      (await t.db.select({ at: users.lastActiveAt }).from(users).where(eq(users.id, other.member.id)))[0]?.at;
    const seen = await lastActive();
    const res = await click(token, { cookie: other.cookie, 'x-forwarded-for': '203.0.113.9' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(SHARE.url);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    await click(token);
    const [row] = await t.db.select().from(shareLinks).where(eq(shareLinks.token, token));
    expect(row).toEqual({
      token,
      postId: post.id,
      userId: alumnus.member.id,
      clicks: 2,
      createdAt: row?.createdAt,
    });
    expect((await t.db.select({ n: posts.shareClicks }).from(posts).where(eq(posts.id, post.id)))[0]?.n).toBe(
      2,
    );
    expect(await lastActive()).toEqual(seen);
  });

  it('an unknown token, or a link of a post taken down, is a 404 page', async () => {
    const post = await launch();
    const { link } = await makeLink(post.id, alumnus.cookie);
    const unknown = await click('no-such-token', { 'accept-language': 'en' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Link not found');
    expect((await click('<script>')).status).toBe(404);
    await t.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, post.id));
    const gone = await click(link?.token ?? '');
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('リンクが見つかりません');
    expect((await t.db.select({ n: posts.shareClicks }).from(posts).where(eq(posts.id, post.id)))[0]?.n).toBe(
      0,
    );
  });
});

describe('share stats', () => {
  it('HR sees how far members carried a launch; others get 404', async () => {
    const post = await launch();
    const a = await makeLink(post.id, alumnus.cookie);
    const b = await makeLink(post.id, other.cookie);
    await makeLink(post.id, hr.cookie);
    for (let i = 0; i < 3; i++) await click(a.link?.token ?? '');
    await click(b.link?.token ?? '');
    expect((await t.request(`/api/posts/${post.id}/share-stats`, { cookie: alumnus.cookie })).status).toBe(
      404,
    );
    expect((await t.request('/api/posts/x/share-stats', { cookie: alumnus.cookie })).status).toBe(404);
    expect((await t.request('/api/posts/x/share-stats', { cookie: hr.cookie })).status).toBe(400);
    expect((await t.request(`/api/posts/${randomUUID()}/share-stats`, { cookie: hr.cookie })).status).toBe(
      404,
    );
    const res = await t.request(`/api/posts/${post.id}/share-stats`, { cookie: hr.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()) as ShareStats).toEqual({
      postId: post.id,
      totalClicks: 4,
      linksCreated: 3,
      topSharers: [
        {
          member: {
            id: alumnus.member.id,
            displayName: alumnus.member.names.familyName ? expect.any(String) : '',
          },
          clicks: 3,
        },
        { member: { id: other.member.id, displayName: expect.any(String) }, clicks: 1 },
      ],
    });
  });
});
