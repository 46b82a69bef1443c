import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post, PostCreateInput, PostMedia, PostPage } from '#common/posts';
import { notifications, postingSuspensions, posts, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestGroup, pngWithExif, TINY_PDF } from '#tests/factories/posts';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let other: Session;
let employee: Session;
let appointed: Session;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'kz-posts-')) } });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni' });
  other = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
  appointed = await signedIn(t, { role: 'employee' });
  for (const row of await t.db.select({ id: users.id, name: users.name }).from(users))
    names.set(row.id, row.name);
});
afterAll(() => t.close());

const names = new Map<string, string>();
const nameOf = (s: Session) => names.get(s.member.id) ?? 'someone';
const mention = (s: Session) => `@[${nameOf(s)}](member:${s.member.id})`;

const send = (path: string, method: string, cookie: string | undefined, json?: unknown, lang = 'en') =>
  t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
const get = (path: string, cookie?: string, lang = 'en') => send(path, 'GET', cookie, undefined, lang);
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;

async function createPost(cookie: string, input: Partial<PostCreateInput> = {}): Promise<Post> {
  clock.advance(60_000); // one post a minute: ordered, and well under the posting limit
  const res = await send('/api/posts', 'POST', cookie, {
    kind: 'insight',
    bodyMarkdown: 'Hello #community',
    ...input,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Post;
}

async function feedIds(cookie: string, path = '/api/feed?limit=50') {
  const res = await get(path, cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as PostPage).items.map((p) => p.id);
}

function upload(
  cookie: string | undefined,
  bytes: Uint8Array,
  name: string,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type }));
  return t.request('/api/posts/media', {
    method: 'POST',
    cookie,
    body: form,
    headers: { 'accept-language': 'en' },
  });
}

describe('signed out', () => {
  it('every endpoint is a 401', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/api/feed'],
      ['GET', '/api/posts'],
      ['GET', `/api/posts/${id}`],
      ['POST', '/api/posts'],
      ['PATCH', `/api/posts/${id}`],
      ['DELETE', `/api/posts/${id}`],
      ['PUT', `/api/posts/${id}/pin`],
      ['GET', `/api/posts/${id}/revisions`],
      ['GET', '/api/posts/mentionable?q=a'],
      ['GET', '/api/topics/news'],
      ['GET', `/api/posts/media/${id}`],
      ['GET', '/api/admin/company-posters'],
    ] as const) {
      expect((await send(path, method, undefined, method === 'GET' ? undefined : {})).status, path).toBe(401);
    }
    expect((await upload(undefined, TINY_PDF, 'a.pdf')).status).toBe(401);
  });
});

describe('writing a post', () => {
  it('refuses bad input with translated field messages', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'insight', bodyMarkdown: '   ' }, 'bodyMarkdown'],
      [{ kind: 'insight', bodyMarkdown: 'x'.repeat(20_001) }, 'bodyMarkdown'],
      [{ kind: 'insight', bodyMarkdown: 'x', title: 't'.repeat(201) }, 'title'],
      [{ kind: 'insight', bodyMarkdown: 'x', audience: { preset: 'employees' } }, 'audience.preset'],
      [{ kind: 'insight', bodyMarkdown: 'x', shareTextJa: 'シェア' }, 'shareTextJa'],
      [{ kind: 'news', bodyMarkdown: 'x', shareUrl: 'http://example.com' }, 'shareUrl'],
      [{ kind: 'insight', bodyMarkdown: 'x', onCareerPaths: true }, 'onCareerPaths'],
      [{ kind: 'insight', bodyMarkdown: 'x', audience: { preset: 'group' } }, 'audience.groupId'],
      [{ kind: 'rumour', bodyMarkdown: 'x' }, 'kind'],
    ];
    for (const [json, field] of cases) {
      const res = await send('/api/posts', 'POST', hr.cookie, json);
      expect(res.status, field).toBe(400);
      expect(Object.keys(await fieldsOf(res)), field).toContain(field);
    }
    const ja = await send('/api/posts', 'POST', alumnus.cookie, { kind: 'insight', bodyMarkdown: '' }, 'ja');
    expect((await fieldsOf(ja)).bodyMarkdown?.[0]).toBe('必須項目です。');
  });

  it('company kinds are for HR and appointed employees only', async () => {
    for (const s of [alumnus, employee]) {
      const res = await send('/api/posts', 'POST', s.cookie, { kind: 'news', bodyMarkdown: 'News' });
      expect(res.status).toBe(400);
      expect((await fieldsOf(res)).kind).toEqual([
        'Only HR and appointed employees can write company posts.',
      ]);
    }
    const company = await createPost(hr.cookie, {
      kind: 'product_launch',
      title: 'Launch',
      bodyMarkdown: 'New **product**',
      shareTextJa: '新製品が出ました',
      shareTextEn: 'We launched',
      shareUrl: 'https://example.com/launch',
    });
    expect(company).toMatchObject({
      isCompany: true,
      kind: 'product_launch',
      audience: { preset: 'everyone', groupId: null },
      classification: 'network',
      shareTextJa: '新製品が出ました',
      shareUrl: 'https://example.com/launch',
      bodyMarkdown: 'New **product**',
      canEdit: true,
      canPin: true,
      author: { id: hr.member.id, role: 'alumni_manager' },
    });
    expect(company.bodyHtml).toContain('<strong>product</strong>');
    const seen = (await (await get(`/api/posts/${company.id}`, alumnus.cookie)).json()) as Post;
    expect(seen).toMatchObject({
      bodyMarkdown: null,
      canEdit: false,
      canDelete: false,
      canPin: false,
      myReactions: [],
    });
  });

  it('HR appoints employees to write company posts, lists and removes them', async () => {
    expect((await get('/api/admin/company-posters', alumnus.cookie)).status).toBe(404);
    const bad = await send('/api/admin/company-posters', 'POST', hr.cookie, { userId: alumnus.member.id });
    expect((await fieldsOf(bad)).userId).toEqual(['Only active employees can be appointed.']);
    const res = await send('/api/admin/company-posters', 'POST', hr.cookie, { userId: appointed.member.id });
    expect(res.status).toBe(201);
    expect(
      (await send('/api/admin/company-posters', 'POST', hr.cookie, { userId: appointed.member.id })).status,
    ).toBe(400);
    const list = await (await get('/api/admin/company-posters', hr.cookie)).json();
    expect(list.items.map((p: { userId: string }) => p.userId)).toEqual([appointed.member.id]);
    expect(await (await get('/api/posts/composer', appointed.cookie)).json()).toEqual({
      canPostCompany: true,
    });
    const news = await createPost(appointed.cookie, {
      kind: 'business_phase',
      bodyMarkdown: '今の事業フェーズ',
    });
    expect(news.isCompany).toBe(true);
    expect(
      (await send(`/api/admin/company-posters/${appointed.member.id}`, 'DELETE', hr.cookie)).status,
    ).toBe(204);
    expect(
      (await send('/api/posts', 'POST', appointed.cookie, { kind: 'news', bodyMarkdown: 'x' })).status,
    ).toBe(400);
  });

  it('refuses while posting is suspended', async () => {
    const suspended = await signedIn(t, { role: 'alumni' });
    await t.db.insert(postingSuspensions).values({
      id: randomUUID(),
      userId: suspended.member.id,
      until: new Date(clock.now().getTime() + 86_400_000),
      reason: 'spam',
    });
    const res = await send('/api/posts', 'POST', suspended.cookie, { kind: 'insight', bodyMarkdown: 'x' });
    expect(res.status).toBe(409);
  });

  it('sanitises XSS payloads in every rendered field', async () => {
    const p = await createPost(alumnus.cookie, {
      title: '<script>alert(1)</script>',
      bodyMarkdown:
        '<img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>alert(2)</script> #<b>x #tag"onmouseover=alert(1)',
    });
    expect(p.title).toBe('<script>alert(1)</script>'); // stored as typed: the web shows it as text
    expect(p.bodyHtml).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(p.bodyHtml).not.toMatch(/<[^>]*\son\w+=/i);
    expect(p.topics.every((topic) => /^[\p{L}\p{N}_]+$/u.test(topic))).toBe(true);
  });
});

describe('internal posts and audiences', () => {
  it('an internal post never reaches an alumnus: by id, list, search, topic, feed, mention or notification', async () => {
    const refused = await send('/api/posts', 'POST', hr.cookie, {
      kind: 'news',
      bodyMarkdown: `社内限定 #secretplan ${mention(alumnus)}`,
      audience: { preset: 'employees' },
    });
    expect(refused.status).toBe(400);
    expect((await fieldsOf(refused)).bodyMarkdown?.[0]).toContain(nameOf(alumnus));

    const internal = await createPost(hr.cookie, {
      kind: 'news',
      title: 'Internal roadmap',
      bodyMarkdown: `社内限定 #secretplan ${mention(employee)}`,
      audience: { preset: 'employees' },
    });
    expect(internal.classification).toBe('internal');
    expect(internal.mentions).toEqual([{ id: employee.member.id, displayName: nameOf(employee) }]);
    expect(internal.bodyHtml).toContain(`href="/members/${employee.member.id}"`);

    expect((await get(`/api/posts/${internal.id}`, alumnus.cookie)).status).toBe(404);
    expect(await feedIds(alumnus.cookie)).not.toContain(internal.id);
    expect(await feedIds(alumnus.cookie, '/api/posts?q=roadmap')).toEqual([]);
    expect(await feedIds(alumnus.cookie, '/api/topics/secretplan')).toEqual([]);
    expect(await feedIds(alumnus.cookie, `/api/posts?authorId=${hr.member.id}&limit=50`)).not.toContain(
      internal.id,
    );
    expect(await feedIds(employee.cookie)).toContain(internal.id);
    expect(await feedIds(employee.cookie, '/api/topics/SecretPlan')).toEqual([internal.id]);

    const mentionable = await (await get('/api/posts/mentionable?q=&preset=employees', hr.cookie)).json();
    const ids = mentionable.items.map((m: { id: string }) => m.id);
    expect(ids).not.toContain(alumnus.member.id);

    const notes = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.threadKey, `post:${internal.id}`));
    expect(notes.map((n) => n.userId)).toEqual([employee.member.id]);
    expect(notes[0]).toMatchObject({ type: 'mention', link: `/posts/${internal.id}` });
  });

  it('alumni-only posts leave employees out; mentions outside are refused', async () => {
    const p = await createPost(hr.cookie, {
      kind: 'people_needed',
      bodyMarkdown: 'Alumni',
      audience: { preset: 'alumni' },
    });
    expect(p.audience.preset).toBe('alumni');
    expect((await get(`/api/posts/${p.id}`, alumnus.cookie)).status).toBe(200);
    expect((await get(`/api/posts/${p.id}`, employee.cookie)).status).toBe(404);
  });

  it('group posts reach the group only; members post, admins pin', async () => {
    const group = await createTestGroup(t, { members: [alumnus.member.id], admins: [other.member.id] });
    const outsider = await signedIn(t, { role: 'alumni' });
    const refused = await send('/api/posts', 'POST', outsider.cookie, {
      kind: 'question',
      bodyMarkdown: 'Anyone?',
      audience: { preset: 'group', groupId: group.id },
    });
    expect((await fieldsOf(refused))['audience.groupId']).toEqual([
      'You can only post in a group you belong to.',
    ]);
    const outsideMention = await send('/api/posts', 'POST', alumnus.cookie, {
      kind: 'question',
      bodyMarkdown: `Hi ${mention(outsider)}`,
      audience: { preset: 'group', groupId: group.id },
    });
    expect(outsideMention.status).toBe(400);

    const p = await createPost(alumnus.cookie, {
      kind: 'question',
      bodyMarkdown: 'Anyone in Osaka?',
      audience: { preset: 'group', groupId: group.id },
    });
    expect(p.group).toMatchObject({ id: group.id, nameJa: 'テスト支部' });
    expect((await get(`/api/posts/${p.id}`, outsider.cookie)).status).toBe(404);
    expect(await feedIds(outsider.cookie)).not.toContain(p.id);
    expect((await send(`/api/posts/${p.id}/pin`, 'PUT', alumnus.cookie)).status).toBe(404);
    const pinned = await send(`/api/posts/${p.id}/pin`, 'PUT', other.cookie);
    expect(((await pinned.json()) as Post).pinned).toBe(true);
    const groupPage = (await (
      await get(`/api/posts?groupId=${group.id}`, alumnus.cookie)
    ).json()) as PostPage;
    expect(groupPage.items[0]?.id).toBe(p.id);
    expect((await send(`/api/posts/${p.id}/pin`, 'DELETE', other.cookie)).status).toBe(200);
  });

  it('HR reads every group’s posts (by id, the group’s list) but its feed keeps to the groups it joined', async () => {
    const group = await createTestGroup(t, { members: [alumnus.member.id] });
    const admin = await signedIn(t, { role: 'admin' });
    const p = await createPost(alumnus.cookie, {
      kind: 'insight',
      bodyMarkdown: 'Only for the chapter',
      audience: { preset: 'group', groupId: group.id },
    });
    for (const moderator of [hr, admin]) {
      expect((await get(`/api/posts/${p.id}`, moderator.cookie)).status).toBe(200);
      const list = (await (await get(`/api/posts?groupId=${group.id}`, moderator.cookie)).json()) as PostPage;
      expect(list.items.map((x) => x.id)).toContain(p.id);
      expect(await feedIds(moderator.cookie)).not.toContain(p.id);
    }
    // An employee outside the group still does not read it.
    expect((await get(`/api/posts/${p.id}`, employee.cookie)).status).toBe(404);
    // Once HR joins the group, the group's posts are in its feed like everyone's.
    expect((await send(`/api/groups/${group.id}/join`, 'POST', hr.cookie)).status).toBe(200);
    expect(await feedIds(hr.cookie)).toContain(p.id);
    expect(await feedIds(admin.cookie)).not.toContain(p.id);
  });
});

describe('editing, deleting, hiding', () => {
  it('the author edits (history kept for moderators), others get 404', async () => {
    const p = await createPost(alumnus.cookie, { title: 'First', bodyMarkdown: 'Version one' });
    expect((await send(`/api/posts/${p.id}`, 'PATCH', other.cookie, { title: 'x' })).status).toBe(404);
    expect((await send(`/api/posts/${p.id}`, 'PATCH', alumnus.cookie, {})).status).toBe(400);
    expect((await send(`/api/posts/${p.id}`, 'PATCH', alumnus.cookie, { bodyMarkdown: '' })).status).toBe(
      400,
    );
    const res = await send(`/api/posts/${p.id}`, 'PATCH', alumnus.cookie, {
      bodyMarkdown: `Version two ${mention(other)}`,
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as Post;
    expect(edited.editedAt).not.toBeNull();
    expect(edited.bodyHtml).toContain('Version two');
    const note = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, other.member.id), eq(notifications.threadKey, `post:${p.id}`)));
    expect(note).toHaveLength(1);
    expect((await get(`/api/posts/${p.id}/revisions`, alumnus.cookie)).status).toBe(404);
    const revisions = await (await get(`/api/posts/${p.id}/revisions`, hr.cookie)).json();
    expect(revisions.items).toMatchObject([{ title: 'First', bodyMarkdown: 'Version one' }]);
  });

  it('HR edits company posts; only the author deletes', async () => {
    const p = await createPost(appointedOrHr(), { kind: 'news', bodyMarkdown: 'News' });
    const other_hr = await signedIn(t, { role: 'admin' });
    expect(
      (await send(`/api/posts/${p.id}`, 'PATCH', other_hr.cookie, { title: 'Better title' })).status,
    ).toBe(200);
    expect((await send(`/api/posts/${p.id}`, 'DELETE', other_hr.cookie)).status).toBe(404);
    expect((await send(`/api/posts/${p.id}`, 'DELETE', hr.cookie)).status).toBe(204);
    expect((await get(`/api/posts/${p.id}`, hr.cookie)).status).toBe(404);
    expect(await feedIds(alumnus.cookie)).not.toContain(p.id);
  });

  it('a hidden post is shown to its author only, with the reason, and leaves every list', async () => {
    const p = await createPost(alumnus.cookie, { bodyMarkdown: 'Hidden soon' });
    await t.db
      .update(posts)
      .set({ hiddenAt: clock.now(), hiddenReason: 'Off topic', hiddenBy: hr.member.id })
      .where(eq(posts.id, p.id));
    const mine = (await (await get(`/api/posts/${p.id}`, alumnus.cookie)).json()) as Post;
    expect(mine.hidden).toMatchObject({ reason: 'Off topic' });
    expect(mine.canEdit).toBe(false);
    expect((await get(`/api/posts/${p.id}`, other.cookie)).status).toBe(404);
    expect(await feedIds(alumnus.cookie)).not.toContain(p.id);
    expect(await feedIds(other.cookie)).not.toContain(p.id);
  });

  it('career stories opt in to career paths by their author', async () => {
    const story = await createPost(alumnus.cookie, {
      kind: 'career_story',
      bodyMarkdown: 'My road',
      onCareerPaths: true,
    });
    expect(story.onCareerPaths).toBe(true);
    const off = await send(`/api/posts/${story.id}`, 'PATCH', alumnus.cookie, { onCareerPaths: false });
    expect(((await off.json()) as Post).onCareerPaths).toBe(false);
  });
});

function appointedOrHr() {
  return hr.cookie;
}

describe('the feed', () => {
  it('pages newest first by keyset with pinned posts on top of the first page only', async () => {
    const viewer = await signedIn(t, { role: 'alumni' });
    const made: Post[] = [];
    for (let i = 0; i < 5; i++) made.push(await createPost(viewer.cookie, { bodyMarkdown: `Feed ${i}` }));
    const pinned = made[1] as Post;
    expect((await send(`/api/posts/${pinned.id}/pin`, 'PUT', alumnus.cookie)).status).toBe(404);
    expect((await send(`/api/posts/${pinned.id}/pin`, 'PUT', hr.cookie)).status).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    let first: PostPage | null = null;
    for (let pageNo = 0; pageNo < 50; pageNo++) {
      const res = await get(`/api/feed?limit=2${cursor ? `&cursor=${cursor}` : ''}`, viewer.cookie);
      const page = (await res.json()) as PostPage;
      first ??= page;
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(first?.items[0]).toMatchObject({ id: pinned.id, pinned: true });
    expect(new Set(seen).size).toBe(seen.length);
    const mine = seen.filter((id) => made.some((m) => m.id === id));
    expect(mine).toEqual([pinned.id, made[4]?.id, made[3]?.id, made[2]?.id, made[0]?.id]);
    expect((await get('/api/feed?cursor=%%%', viewer.cookie)).status).toBe(400);
    expect((await get('/api/feed?cursor=bm90LWEtY3Vyc29y', viewer.cookie)).status).toBe(400);
    await send(`/api/posts/${pinned.id}/pin`, 'DELETE', hr.cookie);
  });
});

describe('media', () => {
  it('stores images re-encoded without metadata; attachments as downloads; only for who may see the post', async () => {
    const res = await upload(
      alumnus.cookie,
      await pngWithExif(3000, 1000),
      'photo <img onerror=1>.png',
      'image/png',
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const image = (await res.json()) as PostMedia;
    expect(image).toMatchObject({ kind: 'image', mimeType: 'image/webp', width: 2048 });
    expect(image.fileName).not.toMatch(/[<>]/);
    expect((await get(image.url, other.cookie)).status).toBe(404);
    const served = await get(image.url, alumnus.cookie);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes('secret-exif-marker')).toBe(false);

    const pdf = (await (await upload(alumnus.cookie, TINY_PDF, 'notes.pdf')).json()) as PostMedia;
    expect(pdf.kind).toBe('attachment');
    const p = await createPost(alumnus.cookie, { bodyMarkdown: 'With files', mediaIds: [image.id, pdf.id] });
    expect(p.images.map((m) => m.id)).toEqual([image.id]);
    expect(p.attachments.map((m) => m.id)).toEqual([pdf.id]);
    const download = await get(pdf.url, other.cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    // Someone else's upload cannot be attached.
    const theirs = (await (await upload(other.cookie, TINY_PDF, 'x.pdf')).json()) as PostMedia;
    const stolen = await send('/api/posts', 'POST', alumnus.cookie, {
      kind: 'insight',
      bodyMarkdown: 'x',
      mediaIds: [theirs.id],
    });
    expect((await fieldsOf(stolen)).mediaIds).toBeDefined();
  });

  it('media of an internal post is a 404 for an alumnus', async () => {
    const pdf = (await (await upload(hr.cookie, TINY_PDF, 'plan.pdf')).json()) as PostMedia;
    await createPost(hr.cookie, {
      kind: 'news',
      bodyMarkdown: 'Plan',
      audience: { preset: 'employees' },
      mediaIds: [pdf.id],
    });
    expect((await get(pdf.url, alumnus.cookie)).status).toBe(404);
    expect((await get(pdf.url, employee.cookie)).status).toBe(200);
  });

  it('refuses a wrong type under a right extension, an oversized file and no file', async () => {
    const fake = await upload(alumnus.cookie, Buffer.from('just text, not an image'), 'cat.png', 'image/png');
    expect(fake.status).toBe(400);
    expect((await fieldsOf(fake)).file).toEqual(['Choose a PNG, JPEG or WebP image, or a PDF.']);
    const html = await upload(alumnus.cookie, Buffer.from('<html><script>alert(1)</script></html>'), 'a.pdf');
    expect(html.status).toBe(400);
    const big = Buffer.alloc(10 * 1024 * 1024 + 100 * 1024);
    (await pngWithExif()).copy(big);
    const tooBig = await upload(alumnus.cookie, big, 'big.png', 'image/png');
    expect(tooBig.status).toBe(400);
    expect((await fieldsOf(tooBig)).file).toEqual(['Files can be at most 10 MB.']);
    const none = await t.request('/api/posts/media', {
      method: 'POST',
      cookie: alumnus.cookie,
      body: new FormData(),
    });
    expect(none.status).toBe(400);
  });
});
