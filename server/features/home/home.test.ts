import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeEvents, HrHome, MemberHome } from '#common/home';
import {
  groupMembers,
  groups,
  jobAlerts,
  posts,
  reports,
  verificationRequests,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { renderMemberText } from '#server/lib/member-text';
import { insertTestGroup } from '#tests/factories/digest';
import { registerTestMember } from '#tests/factories/event-attendance';
import { createTestEvent } from '#tests/factories/events';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let employee: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, {
    role: 'alumni',
    profile: { leftOn: '2020-03-31', departments: ['営業部'], skills: [], bio: null, visibility: {} },
  });
  employee = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());

const get = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { cookie, headers: { 'accept-language': lang } });
const put = (json: unknown, cookie?: string, lang = 'en') =>
  t.request('/api/home/checklist', { method: 'PUT', cookie, json, headers: { 'accept-language': lang } });
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const doneOf = (home: MemberHome) => Object.fromEntries(home.checklist.items.map((i) => [i.key, i.done]));

async function insertPost(authorId: string, overrides: Partial<typeof posts.$inferInsert> = {}) {
  const id = randomUUID();
  const body = overrides.bodyMarkdown ?? 'Hello';
  await t.db.insert(posts).values({
    id,
    authorId,
    kind: 'insight',
    classification: 'network',
    audience: {},
    bodyMarkdown: body,
    bodyHtml: renderMemberText(body, new Map()),
    createdAt: clock.now(),
    ...overrides,
  });
  return id;
}

describe('GET /api/home', () => {
  it('401 without a session', async () => {
    expect((await get('/api/home')).status).toBe(401);
  });

  it('ticks each checklist item from real data', async () => {
    const res = await get('/api/home', alumnus.cookie);
    expect(res.status).toBe(200);
    const before = (await res.json()) as MemberHome;
    expect(before.checklist.items.map((i) => i.key)).toEqual([
      'profile',
      'privacy',
      'group',
      'post',
      'jobAlert',
    ]);
    expect(doneOf(before)).toEqual({
      profile: false,
      privacy: false,
      group: false,
      post: false,
      jobAlert: false,
    });
    expect(before.checklist.dismissed).toBe(false);
    // Each open item links to a page of the web app where it is done.
    expect(Object.fromEntries(before.checklist.items.map((i) => [i.key, i.link]))).toEqual({
      profile: `/members/${alumnus.member.id}/edit`,
      privacy: `/members/${alumnus.member.id}/edit`,
      group: '/groups',
      post: '/feed',
      jobAlert: '/jobs/alerts',
    });

    const id = alumnus.member.id;
    const patch = await t.request(`/api/members/${id}`, {
      method: 'PATCH',
      cookie: alumnus.cookie,
      json: {
        bio: '営業から転じてSaaSのPMに。',
        skills: ['営業'],
        currentTitle: 'PM',
        visibility: { location: 'employees' },
      },
    });
    expect(patch.status, await patch.clone().text()).toBe(200);
    const groupId = randomUUID();
    await t.db.insert(groups).values({ id: groupId, kind: 'interest', nameJa: 'テスト' });
    await t.db.insert(groupMembers).values({ groupId, userId: id, state: 'active' });
    await insertPost(id);
    await t.db
      .insert(jobAlerts)
      .values({ id: randomUUID(), userId: id, keywords: ['営業'], frequency: 'daily' });

    const after = (await (await get('/api/home', alumnus.cookie)).json()) as MemberHome;
    expect(doneOf(after)).toEqual({ profile: true, privacy: true, group: true, post: true, jobAlert: true });
    expect(after.checklist.doneCount).toBe(5);
    expect(after.counts).toEqual({ groups: 1, posts: 1, jobAlerts: 1 });
  });

  it('a requested (not yet active) membership and a deleted post do not count', async () => {
    const fresh = await signedIn(t, { role: 'alumni' });
    const groupId = randomUUID();
    await t.db.insert(groups).values({ id: groupId, kind: 'interest', nameEn: 'Test' });
    await t.db.insert(groupMembers).values({ groupId, userId: fresh.member.id, state: 'requested' });
    await insertPost(fresh.member.id, { deletedAt: clock.now() });
    const home = (await (await get('/api/home', fresh.cookie)).json()) as MemberHome;
    expect(doneOf(home).group).toBe(false);
    expect(doneOf(home).post).toBe(false);
  });
});

describe('PUT /api/home/checklist', () => {
  it('401 without a session', async () => {
    expect((await put({ dismissed: true })).status).toBe(401);
  });

  it('400 with translated per-field messages', async () => {
    const res = await put({ dismissed: 'yes', extra: 1 }, employee.cookie);
    expect(res.status).toBe(400);
    const fields = await fieldsOf(res);
    expect(fields.dismissed).toEqual(['Use true or false.']);
    const ja = await fieldsOf(await put({ dismissed: 'yes' }, employee.cookie, 'ja'));
    expect(ja.dismissed?.[0]).not.toMatch(/Use/);
  });

  it('stores the dismissal for this member only, and reopens', async () => {
    const res = await put({ dismissed: true }, employee.cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as MemberHome).checklist.dismissed).toBe(true);
    expect(((await (await get('/api/home', employee.cookie)).json()) as MemberHome).checklist.dismissed).toBe(
      true,
    );
    // Someone else's checklist is untouched.
    expect(((await (await get('/api/home', hr.cookie)).json()) as MemberHome).checklist.dismissed).toBe(
      false,
    );
    // Twice is harmless.
    expect((await put({ dismissed: true }, employee.cookie)).status).toBe(200);
    const reopened = (await (await put({ dismissed: false }, employee.cookie)).json()) as MemberHome;
    expect(reopened.checklist.dismissed).toBe(false);
  });
});

describe('GET /api/home/hr', () => {
  it('401 without a session', async () => {
    expect((await get('/api/home/hr')).status).toBe(401);
  });

  it('404 for anyone but HR, even with bad input', async () => {
    expect((await get('/api/home/hr', alumnus.cookie)).status).toBe(404);
    expect((await get('/api/home/hr', employee.cookie)).status).toBe(404);
    expect((await get('/api/home/hr?activity=abc', employee.cookie)).status).toBe(404);
  });

  it('400 with translated per-field messages', async () => {
    const res = await get('/api/home/hr?activity=500', hr.cookie);
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).activity).toEqual(['Must be at most 50.']);
    const ja = await fieldsOf(await get('/api/home/hr?activity=0', hr.cookie, 'ja'));
    expect(ja.activity?.[0]).toMatch(/1/);
    expect(ja.activity?.[0]).not.toMatch(/Must/);
  });

  it('counts what needs action, each with its page, and shows the latest activity', async () => {
    const read = async () => {
      const res = await get('/api/home/hr', hr.cookie);
      expect(res.status).toBe(200);
      return (await res.json()) as HrHome;
    };
    const figure = (home: HrHome, key: string) => home.figures.find((f) => f.key === key);
    const before = await read();
    expect(before.figures.map((f) => [f.key, f.link])).toEqual([
      ['joinRequests', '/admin/join-requests'],
      ['exitCases', '/admin/exits'],
      ['reports', '/admin/moderation'],
      ['staleProfiles', '/admin/freshness'],
      ['invitations', '/admin/members'],
    ]);

    const title = '<img src=x onerror=alert(1)> Our launch';
    const postId = await insertPost(alumnus.member.id, { title });
    const hidden = await insertPost(alumnus.member.id, { title: 'hidden one', hiddenAt: clock.now() });
    await t.db.insert(reports).values([
      { id: randomUUID(), postId, reporterId: employee.member.id, category: 'spam' },
      { id: randomUUID(), postId, reporterId: hr.member.id, category: 'other', status: 'dismissed' },
    ]);
    await t.db.insert(verificationRequests).values({
      id: randomUUID(),
      email: 'someone@example.com',
      familyName: '山田',
      givenName: '花子',
      locale: 'ja',
    });
    const after = await read();
    expect(figure(after, 'reports')?.count).toBe((figure(before, 'reports')?.count ?? 0) + 1);
    expect(figure(after, 'joinRequests')?.count).toBe((figure(before, 'joinRequests')?.count ?? 0) + 1);
    const posted = after.activity.find((a) => a.id === `posted:${postId}`);
    // The title goes out as the author wrote it; the web shows it as text, never as HTML.
    expect(posted).toMatchObject({ kind: 'posted', title, link: `/posts/${postId}`, action: 'insight' });
    expect(posted?.actor?.id).toBe(alumnus.member.id);
    expect(after.activity.some((a) => a.id === `posted:${hidden}`)).toBe(false);
    expect(after.activity.some((a) => a.kind === 'joined')).toBe(true);
    expect(after.activity.length).toBeLessThanOrEqual(12);
    const few = (await (await get('/api/home/hr?activity=2', hr.cookie)).json()) as HrHome;
    expect(few.activity).toHaveLength(2);
  });

  it('counts stale profiles by the freshness rule (HR’s period)', async () => {
    const home = (await (await get('/api/home/hr', hr.cookie)).json()) as HrHome;
    expect(home.staleAfterMonths).toBeGreaterThan(0);
    // Test members were confirmed "now" (wall clock); a clock far ahead makes every one stale.
    clock.set('2040-01-01T00:00:00Z');
    const later = (await (await get('/api/home/hr', hr.cookie)).json()) as HrHome;
    clock.set('2026-12-07T03:00:00Z');
    expect(later.figures.find((f) => f.key === 'staleProfiles')?.count).toBeGreaterThanOrEqual(4);
  });
});

describe('GET /api/home/events (issue 13 §6)', () => {
  it('401 without a session; 400 with translated per-field messages', async () => {
    expect((await get('/api/home/events')).status).toBe(401);
    const bad = await get('/api/home/events?limit=0', alumnus.cookie, 'ja');
    expect(bad.status).toBe(400);
    expect(Object.keys(await fieldsOf(bad))).toEqual(['limit']);
    expect((await get('/api/home/events?what=1', alumnus.cookie)).status).toBe(400);
  });

  it('the next events the viewer may see, new ones marked, and their own next registration', async () => {
    const now = clock.now();
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const group = await insertTestGroup(t, [employee.member.id]);
    const open = await createTestEvent(t, { now, startsAt: inDays(1), titleEn: 'Open to all' });
    const old = await createTestEvent(t, {
      now,
      startsAt: inDays(2),
      titleEn: 'Announced long ago',
      publishedAt: inDays(-30),
    });
    const internal = await createTestEvent(t, {
      now,
      startsAt: inDays(1.5),
      titleEn: 'Employees only',
      classification: 'internal',
    });
    const forGroup = await createTestEvent(t, {
      now,
      startsAt: inDays(1.2),
      titleEn: 'Group only',
      groupId: group.id,
      audience: { groupIds: [group.id] },
    });
    const draft = await createTestEvent(t, { now, startsAt: inDays(0.5), status: 'draft' });
    const later = await createTestEvent(t, { now, startsAt: inDays(40), titleEn: 'Much later' });
    await registerTestMember(t, later.id, alumnus.member.id, { status: 'waitlisted' });

    const res = await get('/api/home/events?limit=5', alumnus.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as HomeEvents;
    const ids = body.upcoming.map((e) => e.id);
    expect(ids).toContain(open.id);
    expect(ids).toContain(old.id);
    for (const hidden of [internal.id, forGroup.id, draft.id]) expect(ids).not.toContain(hidden);
    expect(body.upcoming.find((e) => e.id === open.id)?.isNew).toBe(true);
    expect(body.upcoming.find((e) => e.id === old.id)?.isNew).toBe(false);
    expect(body.myNext).toMatchObject({ id: later.id, myStatus: 'waitlisted', titleEn: 'Much later' });

    const theirs = (await (await get('/api/home/events?limit=10', employee.cookie)).json()) as HomeEvents;
    expect(theirs.upcoming.map((e) => e.id)).toEqual(expect.arrayContaining([internal.id, forGroup.id]));
    expect(theirs.myNext).toBeNull();

    const one = (await (await get('/api/home/events?limit=1', alumnus.cookie)).json()) as HomeEvents;
    expect(one.upcoming.map((e) => e.id)).toEqual([open.id]);
  });

  it('a registration the member cancelled, or an event that became hidden, is not their next event', async () => {
    const member = await signedIn(t, { role: 'alumni' });
    const now = clock.now();
    const gone = await createTestEvent(t, { now, classification: 'internal' });
    await registerTestMember(t, gone.id, member.member.id);
    const dropped = await createTestEvent(t, { now });
    await registerTestMember(t, dropped.id, member.member.id, { status: 'cancelled' });
    const body = (await (await get('/api/home/events', member.cookie)).json()) as HomeEvents;
    expect(body.myNext).toBeNull();
  });
});
