import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  MemberNote,
  MemberNoteList,
  ModerationResult,
  PostingStatus,
  ReportAck,
  ReportDetail,
  ReportQueue,
  Suspension,
  SuspensionList,
} from '#common/moderation';
import { auditEvents, comments, notifications, posts, reports } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { assertMayPost } from '#server/lib/posting-suspension';
import { signedIn } from '#tests/factories/index';
import { createTestComment, createTestPost } from '#tests/factories/moderation';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const START = '2026-12-07T03:00:00Z';
const clock = fixedClock(START);
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let admin: Session;
let alumnus: Session;
let author: Session;
let employee: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  admin = await signedIn(t, { role: 'admin' });
  alumnus = await signedIn(t, { role: 'alumni' });
  author = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());
afterEach(() => clock.set(START));

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const call = (path: string, cookie?: string, json?: unknown, lang = 'en') =>
  t.request(path, {
    method: json === undefined ? 'GET' : 'POST',
    cookie,
    json,
    headers: { 'accept-language': lang },
  });
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;

const newPost = (overrides: Partial<Parameters<typeof createTestPost>[1]> = {}) =>
  createTestPost(t, { authorId: author.member.id, body: 'Hello **alumni**', ...overrides });

async function report(json: Record<string, unknown>, cookie = alumnus.cookie) {
  const res = await call('/api/reports', cookie, json);
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return { status: res.status, ack: (await res.json()) as ReportAck };
}

describe('POST /api/reports', () => {
  it('401 anonymous, 400 translated on bad input, note required for other', async () => {
    const post = await newPost();
    expect((await call('/api/reports', undefined, { postId: post.id, category: 'spam' })).status).toBe(401);
    const bad = await call('/api/reports', alumnus.cookie, { postId: '', category: 'rude', extra: 1 });
    expect(bad.status).toBe(400);
    const fields = await fieldsOf(bad);
    expect(fields.category?.[0]).toMatch(/^Must be one of: spam, harassment/);
    expect(fields.postId).toBeDefined();
    const other = await call('/api/reports', alumnus.cookie, { postId: post.id, category: 'other' }, 'ja');
    expect(other.status).toBe(400);
    expect((await fieldsOf(other)).note).toEqual(['「その他」を選んだ場合は、内容を簡単にご記入ください。']);
    const otherEn = await call('/api/reports', alumnus.cookie, {
      postId: post.id,
      category: 'other',
      note: '  ',
    });
    expect((await fieldsOf(otherEn)).note?.[0]).toMatch(/Other/);
  });

  it('404 for a post the reporter cannot see, a hidden or deleted comment, a comment of another post', async () => {
    const internal = await newPost({ classification: 'internal' });
    const hidden = await newPost({ hiddenAt: new Date(START) });
    const deleted = await newPost({ deletedAt: new Date(START) });
    for (const p of [internal, hidden, deleted]) {
      const res = await call('/api/reports', alumnus.cookie, { postId: p.id, category: 'spam' });
      expect(res.status).toBe(404);
    }
    expect(
      (await call('/api/reports', alumnus.cookie, { postId: 'no-such-post', category: 'spam' })).status,
    ).toBe(404);
    // The employee sees the internal post and may report it.
    expect((await report({ postId: internal.id, category: 'confidential' }, employee.cookie)).status).toBe(
      201,
    );

    const post = await newPost();
    const other = await newPost();
    const hiddenComment = await createTestComment(t, {
      postId: post.id,
      authorId: author.member.id,
      hiddenAt: new Date(START),
    });
    const deletedComment = await createTestComment(t, {
      postId: post.id,
      authorId: author.member.id,
      deletedAt: new Date(START),
    });
    const elsewhere = await createTestComment(t, { postId: other.id, authorId: author.member.id });
    for (const c of [hiddenComment, deletedComment, elsewhere]) {
      const res = await call('/api/reports', alumnus.cookie, {
        postId: post.id,
        commentId: c.id,
        category: 'spam',
      });
      expect(res.status).toBe(404);
    }
    expect(await t.db.select().from(reports).where(eq(reports.postId, post.id))).toHaveLength(0);
  });

  it('400 on one’s own post or comment (ja/en), no report row; another’s comment on it may be reported', async () => {
    const post = await newPost();
    const own = await call('/api/reports', author.cookie, { postId: post.id, category: 'spam' });
    expect(own.status).toBe(400);
    expect((await fieldsOf(own)).postId).toEqual([
      'You cannot report your own post or comment. Edit or delete it instead.',
    ]);
    const mine = await createTestComment(t, { postId: post.id, authorId: alumnus.member.id });
    const ownComment = await call(
      '/api/reports',
      alumnus.cookie,
      { postId: post.id, commentId: mine.id, category: 'spam' },
      'ja',
    );
    expect(ownComment.status).toBe(400);
    expect((await fieldsOf(ownComment)).commentId).toEqual([
      'ご自身の投稿やコメントは報告できません。編集するか削除してください。',
    ]);
    expect(await t.db.select().from(reports).where(eq(reports.postId, post.id))).toHaveLength(0);
    // The post's author may report someone else's comment under it.
    const onComment = await report({ postId: post.id, commentId: mine.id, category: 'spam' }, author.cookie);
    expect(onComment.status).toBe(201);
  });

  it('a repeat while open is the same report; a plain acknowledgement', async () => {
    const post = await newPost();
    const first = await report({ postId: post.id, category: 'spam' });
    expect(first.status).toBe(201);
    expect(first.ack).toEqual({ id: first.ack.id, received: true });
    const again = await report({ postId: post.id, category: 'harassment', note: 'again' });
    expect(again.status).toBe(200);
    expect(again.ack.id).toBe(first.ack.id);
    const comment = await createTestComment(t, { postId: post.id, authorId: author.member.id });
    const onComment = await report({ postId: post.id, commentId: comment.id, category: 'spam' });
    expect(onComment.status).toBe(201);
    expect(onComment.ack.id).not.toBe(first.ack.id);
    expect(await t.db.select().from(reports).where(eq(reports.postId, post.id))).toHaveLength(2);
  });

  it('is rate-limited per member', async () => {
    const spammer = await signedIn(t, { role: 'alumni' });
    for (let i = 0; i < 20; i++) {
      const p = await newPost();
      await report({ postId: p.id, category: 'spam' }, spammer.cookie);
    }
    const p = await newPost();
    const res = await call('/api/reports', spammer.cookie, { postId: p.id, category: 'spam' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('the review queue', () => {
  it('401 anonymous, 404 for members and employees, 400 on a bad status', async () => {
    expect((await call('/api/moderation/reports')).status).toBe(401);
    for (const s of [alumnus, author, employee]) {
      expect((await call('/api/moderation/reports', s.cookie)).status).toBe(404);
      expect((await call(`/api/moderation/reports/${crypto.randomUUID()}`, s.cookie)).status).toBe(404);
    }
    const bad = await call('/api/moderation/reports?status=closed', hr.cookie);
    expect(bad.status).toBe(400);
    expect((await fieldsOf(bad)).status?.[0]).toMatch(/open, hidden, dismissed/);
    expect((await call('/api/moderation/reports/not-a-uuid', hr.cookie)).status).toBe(400);
    expect((await call(`/api/moderation/reports/${crypto.randomUUID()}`, hr.cookie)).status).toBe(404);
  });

  it('groups reports per target and shows the content, history and record', async () => {
    const post = await newPost({
      title: 'Quarterly news',
      body: `Now edited ${XSS}`,
      revisions: [{ title: 'Draft', body: 'First version', at: new Date('2026-12-01T00:00:00Z') }],
    });
    const second = await signedIn(t, { role: 'employee' });
    const a = await report({ postId: post.id, category: 'spam' });
    clock.advance(60_000);
    await report({ postId: post.id, category: 'spam' }, second.cookie);
    clock.advance(60_000);
    await report({ postId: post.id, category: 'other', note: XSS }, employee.cookie);

    const res = await call('/api/moderation/reports?status=open', hr.cookie);
    expect(res.status).toBe(200);
    const queue = (await res.json()) as ReportQueue;
    const group = queue.items.find((g) => g.postId === post.id && g.commentId === null);
    expect(group).toMatchObject({
      reportId: a.ack.id,
      targetType: 'post',
      reportCount: 3,
      categories: [
        { category: 'spam', count: 2 },
        { category: 'other', count: 1 },
      ],
      firstReportedAt: START.replace('Z', '.000Z'),
      lastReportedAt: '2026-12-07T03:02:00.000Z',
      author: { id: author.member.id },
      isHidden: false,
    });
    expect(group?.excerpt).toMatch(/^Quarterly news — Now edited/);
    expect(queue.counts.open).toBeGreaterThan(0);

    const detail = (await (
      await call(`/api/moderation/reports/${a.ack.id}`, admin.cookie)
    ).json()) as ReportDetail;
    expect(detail.report.id).toBe(a.ack.id);
    expect(detail.reports).toHaveLength(3);
    expect(detail.target.bodyHtml).not.toMatch(/<script|<img/);
    expect(detail.target.bodyHtml).toContain('&lt;script&gt;');
    expect(detail.target.postTitle).toBe('Quarterly news');
    expect(detail.author?.id).toBe(author.member.id);
    expect(detail.revisions).toEqual([
      expect.objectContaining({ title: 'Draft', bodyMarkdown: 'First version' }),
    ]);
    expect(detail.reports.some((r) => r.note === XSS)).toBe(true);
  });

  it('shows hidden content to moderators, and the author’s earlier record', async () => {
    const earlier = await newPost();
    await call(`/api/moderation/posts/${earlier.id}/hide`, hr.cookie, { reason: 'Off-topic advertising' });
    const post = await newPost({ hiddenAt: new Date(START) });
    const [row] = await t.db
      .insert(reports)
      .values({ id: crypto.randomUUID(), postId: post.id, reporterId: alumnus.member.id, category: 'spam' })
      .returning();
    const detail = (await (
      await call(`/api/moderation/reports/${row?.id}`, hr.cookie)
    ).json()) as ReportDetail;
    expect(detail.target.hiddenAt).not.toBeNull();
    expect(detail.authorRecord.hiddenItems.map((h) => h.postId)).toContain(earlier.id);
    expect(detail.authorRecord.hiddenItems.map((h) => h.postId)).not.toContain(post.id);
  });
});

describe('hide and dismiss', () => {
  it('hide: 401/404/400, then hidden, every open report resolved, the author told, audited', async () => {
    const post = await newPost();
    const comment = await createTestComment(t, {
      postId: post.id,
      authorId: author.member.id,
      body: 'rude words',
    });
    const r1 = await report({ postId: post.id, commentId: comment.id, category: 'harassment' });
    const r2 = await report({ postId: post.id, commentId: comment.id, category: 'spam' }, employee.cookie);
    const onPost = await report({ postId: post.id, category: 'spam' });
    const path = `/api/moderation/reports/${r1.ack.id}/hide`;

    expect((await call(path, undefined, { reason: 'x' })).status).toBe(401);
    expect((await call(path, alumnus.cookie, { reason: 'x' })).status).toBe(404);
    expect((await call(path, author.cookie, {})).status).toBe(404); // no 400 for outsiders
    const bad = await call(path, hr.cookie, { reason: '   ' }, 'ja');
    expect(bad.status).toBe(400);
    expect((await fieldsOf(bad)).reason).toEqual(['必須項目です。']);

    const reason = `Personal attack ${XSS}`;
    const res = await call(path, hr.cookie, { reason, moderatorNote: 'second warning' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ModerationResult;
    expect(result).toMatchObject({
      targetType: 'comment',
      commentId: comment.id,
      hiddenReason: reason,
      resolvedReports: 2,
    });

    const [c] = await t.db.select().from(comments).where(eq(comments.id, comment.id));
    expect(c?.hiddenBy).toBe(hr.member.id);
    expect(c?.hiddenReason).toBe(reason);
    const rows = await t.db.select().from(reports).where(eq(reports.postId, post.id));
    expect(rows.find((r) => r.id === r2.ack.id)?.status).toBe('hidden');
    expect(rows.find((r) => r.id === onPost.ack.id)?.status).toBe('open'); // the post itself is another target
    expect(rows.find((r) => r.id === r1.ack.id)?.moderatorNote).toBe('second warning');

    const told = (
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, author.member.id), eq(notifications.type, 'content_hidden')))
    ).filter((n) => n.link === `/posts/${post.id}#comment-${comment.id}`);
    expect(told).toHaveLength(1);
    expect(told[0]?.data).toMatchObject({ kind: 'comment', reason });
    // Reporters are told nothing about the outcome.
    const toReporter = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, alumnus.member.id));
    expect(toReporter).toHaveLength(0);

    const [entry] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'comment.hidden'), eq(auditEvents.subjectId, comment.id)));
    expect(entry?.actorId).toBe(hr.member.id);
    expect(JSON.stringify(entry?.data)).not.toContain('Personal attack');

    // Resolved: a second decision is a conflict; the report is in the "hidden" tab.
    expect((await call(path, hr.cookie, { reason: 'again' })).status).toBe(409);
    const hiddenTab = (await (
      await call('/api/moderation/reports?status=hidden', hr.cookie)
    ).json()) as ReportQueue;
    expect(hiddenTab.items.find((g) => g.commentId === comment.id)).toMatchObject({
      reportCount: 2,
      isHidden: true,
    });
    // A new report on the hidden comment is a 404 for members.
    expect(
      (
        await call('/api/reports', employee.cookie, {
          postId: post.id,
          commentId: comment.id,
          category: 'spam',
        })
      ).status,
    ).toBe(404);
  });

  it('hiding a post takes it from reporters; the author still sees it', async () => {
    const post = await newPost();
    const r = await report({ postId: post.id, category: 'spam' });
    expect(
      (await call(`/api/moderation/reports/${r.ack.id}/hide`, admin.cookie, { reason: 'Spam' })).status,
    ).toBe(200);
    const [p] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(p?.hiddenReason).toBe('Spam');
    expect((await call('/api/reports', employee.cookie, { postId: post.id, category: 'spam' })).status).toBe(
      404,
    );
  });

  it('dismiss: 401/404/400, resolves the reports, audited, and leaves the content', async () => {
    const post = await newPost();
    const r = await report({ postId: post.id, category: 'inappropriate' });
    const path = `/api/moderation/reports/${r.ack.id}/dismiss`;
    expect((await call(path, undefined, {})).status).toBe(401);
    expect((await call(path, employee.cookie, {})).status).toBe(404);
    expect((await call(path, hr.cookie, { moderatorNote: 'x'.repeat(2001) })).status).toBe(400);
    const res = await call(path, hr.cookie, { moderatorNote: 'Fair criticism' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ModerationResult).resolvedReports).toBe(1);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, r.ack.id));
    expect(row).toMatchObject({
      status: 'dismissed',
      resolvedBy: hr.member.id,
      moderatorNote: 'Fair criticism',
    });
    const [p] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(p?.hiddenAt).toBeNull();
    expect(
      await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report.dismissed'), eq(auditEvents.subjectId, post.id))),
    ).toHaveLength(1);
    expect((await call(path, hr.cookie, {})).status).toBe(409);
    // After a dismissal the same member may report again.
    expect((await report({ postId: post.id, category: 'spam' })).status).toBe(201);
  });

  it('hide directly and unhide posts and comments (audited)', async () => {
    const post = await newPost();
    const comment = await createTestComment(t, { postId: post.id, authorId: author.member.id });
    const open = await report({ postId: post.id, category: 'spam' });
    expect((await call(`/api/moderation/posts/${post.id}/hide`, undefined, { reason: 'x' })).status).toBe(
      401,
    );
    expect(
      (await call(`/api/moderation/posts/${post.id}/hide`, employee.cookie, { reason: 'x' })).status,
    ).toBe(404);
    expect((await call(`/api/moderation/posts/${post.id}/hide`, hr.cookie, {})).status).toBe(400);
    expect((await call('/api/moderation/posts/nope/hide', hr.cookie, { reason: 'x' })).status).toBe(404);
    expect((await call('/api/moderation/comments/nope/hide', hr.cookie, { reason: 'x' })).status).toBe(404);

    const hid = await call(`/api/moderation/posts/${post.id}/hide`, hr.cookie, {
      reason: 'Leaks a client name',
    });
    expect(hid.status).toBe(200);
    expect(((await hid.json()) as ModerationResult).resolvedReports).toBe(1);
    const [r] = await t.db.select().from(reports).where(eq(reports.id, open.ack.id));
    expect(r?.status).toBe('hidden');
    expect(
      (await call(`/api/moderation/comments/${comment.id}/hide`, hr.cookie, { reason: 'Rude' })).status,
    ).toBe(200);

    expect((await call(`/api/moderation/posts/${post.id}/unhide`)).status).toBe(401);
    expect((await call(`/api/moderation/posts/${post.id}/unhide`, alumnus.cookie)).status).toBe(404);
    // Unhide has no body: POST with an empty one.
    const unhide = (path: string, cookie?: string) => t.request(path, { method: 'POST', cookie });
    expect((await unhide(`/api/moderation/posts/${post.id}/unhide`, hr.cookie)).status).toBe(200);
    expect((await unhide(`/api/moderation/posts/${post.id}/unhide`, hr.cookie)).status).toBe(409);
    expect((await unhide(`/api/moderation/comments/${comment.id}/unhide`, hr.cookie)).status).toBe(200);
    expect((await unhide('/api/moderation/comments/nope/unhide', hr.cookie)).status).toBe(404);
    const [p] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(p).toMatchObject({ hiddenAt: null, hiddenReason: null });
    const actions = (
      await t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.actorId, hr.member.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['post.hidden', 'comment.hidden', 'post.unhidden', 'comment.unhidden']),
    );
  });
});

describe('suspensions', () => {
  it('401/404/400, cannot suspend yourself or an admin', async () => {
    const ok = { userId: author.member.id, days: 3, reason: 'Repeated spam' };
    expect((await call('/api/moderation/suspensions', undefined, ok)).status).toBe(401);
    expect((await call('/api/moderation/suspensions', alumnus.cookie, ok)).status).toBe(404);
    expect((await call('/api/moderation/suspensions', alumnus.cookie)).status).toBe(404);
    const bad = await call('/api/moderation/suspensions', hr.cookie, {
      userId: author.member.id,
      days: 91,
      reason: '',
    });
    expect(bad.status).toBe(400);
    const fields = await fieldsOf(bad);
    expect(fields.days).toEqual(['Must be at most 90.']);
    expect(fields.reason).toBeDefined();
    for (const userId of [hr.member.id, admin.member.id]) {
      const res = await call('/api/moderation/suspensions', hr.cookie, { ...ok, userId }, 'ja');
      expect(res.status).toBe(400);
      expect((await fieldsOf(res)).userId).toEqual(['ご自身や管理者の投稿を停止することはできません。']);
    }
    expect((await call('/api/moderation/suspensions', hr.cookie, { ...ok, userId: 'nobody' })).status).toBe(
      404,
    );
  });

  it('blocks assertMayPost until it ends (clock), tells the member, lists, lifts, audits', async () => {
    const member = await signedIn(t, { role: 'alumni' });
    const res = await call('/api/moderation/suspensions', hr.cookie, {
      userId: member.member.id,
      days: 2,
      reason: `Spam links ${XSS}`,
    });
    expect(res.status).toBe(201);
    const s = (await res.json()) as Suspension;
    expect(s).toMatchObject({
      member: { id: member.member.id },
      until: '2026-12-09T03:00:00.000Z',
      isActive: true,
      createdBy: { id: hr.member.id },
    });
    await expect(assertMayPost(t.db, member.member.id, clock.now())).rejects.toMatchObject({
      code: 'conflict',
    });
    const status = (await (await call('/api/me/posting-status', member.cookie)).json()) as PostingStatus;
    expect(status).toEqual({
      isSuspended: true,
      until: '2026-12-09T03:00:00.000Z',
      reason: `Spam links ${XSS}`,
    });
    expect((await call('/api/me/posting-status')).status).toBe(401);

    const [told] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.member.id), eq(notifications.type, 'posting_suspended')));
    expect(told?.data).toMatchObject({ until: '2026-12-09T03:00:00.000Z' });

    const list = (await (await call('/api/moderation/suspensions', hr.cookie)).json()) as SuspensionList;
    expect(list.items.map((i) => i.id)).toContain(s.id);
    expect((await call('/api/moderation/suspensions', employee.cookie)).status).toBe(404);

    // Ends on time.
    clock.set('2026-12-09T02:59:59Z');
    await expect(assertMayPost(t.db, member.member.id, clock.now())).rejects.toBeTruthy();
    clock.set('2026-12-09T03:00:00Z');
    await expect(assertMayPost(t.db, member.member.id, clock.now())).resolves.toBeUndefined();
    const after = (await (await call('/api/moderation/suspensions', hr.cookie)).json()) as SuspensionList;
    expect(after.items.map((i) => i.id)).not.toContain(s.id);
    expect(
      (await t.request(`/api/moderation/suspensions/${s.id}/lift`, { method: 'POST', cookie: hr.cookie }))
        .status,
    ).toBe(409);

    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'posting_suspension.created'),
          eq(auditEvents.subjectId, member.member.id),
        ),
      );
    expect(audits).toHaveLength(1);
  });

  it('lift: 401/404, then posting is open again (audited)', async () => {
    const member = await signedIn(t, { role: 'employee' });
    const s = (await (
      await call('/api/moderation/suspensions', admin.cookie, {
        userId: member.member.id,
        days: 30,
        reason: 'Cool down',
      })
    ).json()) as Suspension;
    const lift = (cookie?: string, id = s.id) =>
      t.request(`/api/moderation/suspensions/${id}/lift`, { method: 'POST', cookie });
    expect((await lift()).status).toBe(401);
    expect((await lift(member.cookie)).status).toBe(404);
    expect((await lift(hr.cookie, crypto.randomUUID())).status).toBe(404);
    const res = await lift(hr.cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Suspension).isActive).toBe(false);
    await expect(assertMayPost(t.db, member.member.id, clock.now())).resolves.toBeUndefined();
    const status = (await (await call('/api/me/posting-status', member.cookie)).json()) as PostingStatus;
    expect(status.isSuspended).toBe(false);
    expect(
      await t.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'posting_suspension.lifted'),
            eq(auditEvents.subjectId, member.member.id),
          ),
        ),
    ).toHaveLength(1);
  });
});

describe('moderator notes on a member', () => {
  it('401/404/400, then written, listed newest first and audited', async () => {
    const path = `/api/moderation/members/${author.member.id}/notes`;
    expect((await call(path)).status).toBe(401);
    expect((await call(path, author.cookie)).status).toBe(404);
    expect((await call(path, employee.cookie, { body: 'x' })).status).toBe(404);
    expect((await call(path, hr.cookie, { body: '' })).status).toBe(400);
    expect((await call('/api/moderation/members/nobody/notes', hr.cookie)).status).toBe(404);
    const first = await call(path, hr.cookie, { body: `Warned by phone ${XSS}` });
    expect(first.status).toBe(201);
    clock.advance(1000);
    const second = (await (await call(path, admin.cookie, { body: 'Apologised' })).json()) as MemberNote;
    expect(second.author?.id).toBe(admin.member.id);
    const list = (await (await call(path, hr.cookie)).json()) as MemberNoteList;
    expect(list.member.id).toBe(author.member.id);
    expect(list.items.map((n) => n.body).slice(0, 2)).toEqual(['Apologised', `Warned by phone ${XSS}`]);
    const actions = (
      await t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, author.member.id))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['member_note.created', 'member_notes.viewed']));
  });
});

describe('reports are never visible to the reported author', () => {
  it('the author gets 404 everywhere and no notification of a report', async () => {
    const post = await newPost();
    const r = await report({ postId: post.id, category: 'harassment', note: 'about the author' });
    expect((await call(`/api/moderation/reports/${r.ack.id}`, author.cookie)).status).toBe(404);
    expect((await call('/api/moderation/reports', author.cookie)).status).toBe(404);
    const toAuthor = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, author.member.id));
    expect(toAuthor.every((n) => n.type === 'content_hidden' || n.type === 'posting_suspended')).toBe(true);
  });
});

describe('demo data', () => {
  it('adds open reports on demo content once, and tolerates none', async () => {
    const { seedDemoModeration } = await import('#server/demo/moderation');
    const empty = await createTestApp({ clock });
    try {
      expect(await seedDemoModeration(empty.db)).toEqual({ reports: 0 });
    } finally {
      await empty.close();
    }
    const first = await seedDemoModeration(t.db);
    expect(first.reports).toBeGreaterThan(0);
    expect(await seedDemoModeration(t.db)).toEqual({ reports: 0 });
  });
});
