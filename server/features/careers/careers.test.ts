import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareerDepartments, CareerPaths } from '#common/careers';
import type { ConsentPurpose } from '#common/consents';
import type { VisibilityMap } from '#common/profiles';
import { posts } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { renderMemberText } from '#server/lib/member-text';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { kAnonymousBuckets } from './careers.service';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let employee: Session;
let leaver: Session;

const DEPT = `営業企画部${randomUUID().slice(0, 6)}`;
const SMALL = `小さな部${randomUUID().slice(0, 6)}`;
const named: Record<string, { id: string; family: string }> = {};

async function alumnusOf(
  key: string,
  department: string,
  work: { employer: string; title: string; industry: 'it' | 'finance' | 'other'; lastTitle: string },
  consents: ConsentPurpose[] = [],
  visibility: VisibilityMap = {},
) {
  const family = `名字${key}${randomUUID().slice(0, 4)}`;
  const m = await createTestMember(t, {
    role: 'alumni',
    canSignIn: false,
    consents,
    names: { familyName: family, givenName: '太郎' },
    profile: {
      leftOn: '2022-03-31',
      departments: [department],
      currentEmployer: work.employer,
      currentTitle: work.title,
      industry: work.industry,
      lastTitle: work.lastTitle,
      visibility,
    },
  });
  named[key] = { id: m.id, family };
  return m;
}

async function story(authorId: string, overrides: Partial<typeof posts.$inferInsert> = {}) {
  const id = randomUUID();
  const body = overrides.bodyMarkdown ?? '営業からPMへ。**学んだこと**';
  await t.db.insert(posts).values({
    id,
    authorId,
    kind: 'career_story',
    onCareerPaths: true,
    classification: 'network',
    audience: {},
    title: 'From sales to product',
    bodyMarkdown: body,
    bodyHtml: renderMemberText(body, new Map()),
    createdAt: clock.now(),
    ...overrides,
  });
  return id;
}

const stories: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni', profile: { departments: ['他部署'], leftOn: '2021-03-31' } });
  employee = await signedIn(t, { role: 'employee', profile: { departments: [DEPT], leftOn: null } });
  leaver = await signedIn(t, { role: 'leaver', profile: { departments: ['別の部'] } });
  const acme = {
    employer: 'Acme株式会社',
    title: 'プロダクトマネージャー',
    industry: 'it' as const,
    lastTitle: 'Sales Manager',
  };
  const beta = {
    employer: 'Beta銀行',
    title: 'Engineer',
    industry: 'finance' as const,
    lastTitle: 'Engineer',
  };
  await alumnusOf('a1', DEPT, acme, ['directory']);
  await alumnusOf('a2', DEPT, acme);
  await alumnusOf('a3', DEPT, acme);
  await alumnusOf('a4', DEPT, acme);
  await alumnusOf('b1', DEPT, beta);
  await alumnusOf('b2', DEPT, beta);
  // Listed in the directory, but shows their employer to HR only.
  await alumnusOf(
    'c1',
    DEPT,
    { employer: 'Gamma合同会社', title: 'CEO', industry: 'other', lastTitle: 'Sales Lead' },
    ['directory'],
    { currentEmployer: 'admins' },
  );
  await alumnusOf('s1', SMALL, acme, ['directory']);
  await alumnusOf('s2', SMALL, acme, ['directory']);
  const a1 = named.a1?.id as string;
  const a2 = named.a2?.id as string;
  const b1 = named.b1?.id as string;
  stories.shown = await story(a1, { bodyMarkdown: 'PMに<script>alert(1)</script>なりました' });
  stories.internal = await story(a2, { classification: 'internal', title: 'Internal story' });
  stories.notOptedIn = await story(b1, { onCareerPaths: false, title: 'Not on the page' });
  stories.hidden = await story(a1, { hiddenAt: clock.now(), title: 'Hidden' });
  stories.insight = await story(a1, { kind: 'insight', title: 'An insight' });
  stories.deleted = await story(a2, { deletedAt: clock.now(), title: 'Deleted' });
});
afterAll(() => t.close());

const get = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { cookie, headers: { 'accept-language': lang } });
const pathsFor = async (cookie: string, qs = '') => {
  const res = await get(`/api/careers/paths${qs}`, cookie);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { body: JSON.parse(text) as CareerPaths, text };
};
const dept = (d: string) => `?department=${encodeURIComponent(d)}`;
const allCounts = (p: CareerPaths) => [...p.roles, ...p.industries, ...p.employers].map((b) => b.count);

describe('k-anonymous buckets', () => {
  it('shows values of at least 3 and merges the rest into "other" (itself at least 3)', () => {
    const rows = [
      { value: 'A', count: 5 },
      { value: 'B', count: 2 },
      { value: 'C', count: 1 },
      { value: 'D', count: 3 },
    ];
    expect(kAnonymousBuckets(rows, 3)).toEqual([
      { value: 'A', count: 5 },
      { value: 'D', count: 3 },
      { value: null, count: 3 },
    ]);
    expect(kAnonymousBuckets([{ value: 'A', count: 2 }], 3)).toEqual([]);
  });
});

describe('GET /api/careers/paths', () => {
  it('401 without a session', async () => {
    expect((await get('/api/careers/paths')).status).toBe(401);
  });

  it('404 for an alumnus, even with bad input', async () => {
    expect((await get('/api/careers/paths', alumnus.cookie)).status).toBe(404);
    expect((await get(`/api/careers/paths?q=${'x'.repeat(200)}`, alumnus.cookie)).status).toBe(404);
  });

  it('400 with translated per-field messages', async () => {
    const res = await get(
      `/api/careers/paths?department=${'部'.repeat(81)}&q=${'x'.repeat(81)}`,
      employee.cookie,
    );
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(fields.department).toEqual(['Must be at most 80 characters.']);
    expect(fields.q).toEqual(['Must be at most 80 characters.']);
    const ja = await get(`/api/careers/paths?q=${'x'.repeat(81)}`, employee.cookie, 'ja');
    const jaFields = ((await ja.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(jaFields.q?.[0]).toMatch(/80/);
    expect(jaFields.q?.[0]).not.toMatch(/Must/);
  });

  it('defaults to the employee’s own department and shows counts of at least 3 only', async () => {
    const { body } = await pathsFor(employee.cookie);
    expect(body.department).toBe(DEPT);
    expect(body.minCount).toBe(3);
    expect(body.total).toBe(7);
    // The employer hidden from employees is not counted: Acme 4; Beta 2 alone is "other" below 3.
    expect(body.employers).toEqual([{ value: 'Acme株式会社', count: 4 }]);
    expect(body.roles).toEqual([
      { value: 'プロダクトマネージャー', count: 4 },
      { value: null, count: 3 },
    ]);
    expect(body.industries).toEqual([
      { value: 'it', count: 4 },
      { value: null, count: 3 },
    ]);
    expect(Math.min(...allCounts(body))).toBeGreaterThanOrEqual(3);
  });

  it('HR sees every field, so the hidden employer joins "other"', async () => {
    const { body } = await pathsFor(hr.cookie, dept(DEPT));
    expect(body.employers).toEqual([
      { value: 'Acme株式会社', count: 4 },
      { value: null, count: 3 },
    ]);
  });

  it('names only the alumni who consented to the directory, with only the fields the viewer may see', async () => {
    const { body, text } = await pathsFor(employee.cookie);
    expect(body.people.map((p) => p.id).sort()).toEqual([named.a1?.id, named.c1?.id].sort());
    const c1 = body.people.find((p) => p.id === named.c1?.id);
    expect(c1).toMatchObject({ currentTitle: 'CEO', currentEmployer: null, industry: 'other' });
    expect(body.people.find((p) => p.id === named.a1?.id)?.currentEmployer).toBe('Acme株式会社');
    for (const key of ['a2', 'a3', 'a4', 'b1', 'b2']) {
      expect(text).not.toContain(named[key]?.id);
      expect(text).not.toContain(named[key]?.family);
    }
  });

  it('fewer than 3 alumni: no counts, no people, no stories', async () => {
    const { body, text } = await pathsFor(employee.cookie, dept(SMALL));
    expect(body).toMatchObject({
      department: SMALL,
      total: 0,
      roles: [],
      industries: [],
      employers: [],
      people: [],
    });
    expect(text).not.toContain(named.s1?.family);
  });

  it('narrows by a word of the last title', async () => {
    const { body } = await pathsFor(employee.cookie, `${dept(DEPT)}&q=sales`);
    expect(body.q).toBe('sales');
    expect(body.total).toBe(5);
    expect(body.employers).toEqual([{ value: 'Acme株式会社', count: 4 }]);
    const none = await pathsFor(employee.cookie, `${dept(DEPT)}&q=${encodeURIComponent('100%_')}`);
    expect(none.body.total).toBe(0);
  });

  it('lists the career stories put on the page that the viewer may read, sanitised', async () => {
    const { body } = await pathsFor(employee.cookie);
    const ids = body.stories.map((s) => s.id);
    expect(ids).toContain(stories.shown);
    expect(ids).toContain(stories.internal);
    for (const hidden of [stories.notOptedIn, stories.hidden, stories.insight, stories.deleted]) {
      expect(ids).not.toContain(hidden);
    }
    const shown = body.stories.find((s) => s.id === stories.shown);
    expect(shown?.bodyHtml).not.toContain('<script');
    expect(shown?.author?.id).toBe(named.a1?.id);
    // The author of the other story is not in the directory: the story stays, unnamed.
    expect(body.stories.find((s) => s.id === stories.internal)?.author).toBeNull();
  });

  it('a leaver may look at another department', async () => {
    const { body } = await pathsFor(leaver.cookie, dept(DEPT));
    expect(body.total).toBe(7);
    const own = await pathsFor(leaver.cookie);
    expect(own.body.department).toBe('別の部');
    expect(own.body.total).toBe(0);
  });
});

describe('GET /api/careers/departments', () => {
  it('401 without a session, 404 for an alumnus', async () => {
    expect((await get('/api/careers/departments')).status).toBe(401);
    expect((await get('/api/careers/departments', alumnus.cookie)).status).toBe(404);
  });

  it('lists departments with at least 3 alumni, and mine', async () => {
    const res = await get('/api/careers/departments', employee.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CareerDepartments;
    expect(body.mine).toEqual([DEPT]);
    expect(body.items).toContainEqual({ department: DEPT, count: 7 });
    expect(body.items.some((i) => i.department === SMALL)).toBe(false);
    expect(Math.min(...body.items.map((i) => i.count))).toBeGreaterThanOrEqual(3);
  });
});
