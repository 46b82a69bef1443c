import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionListResult } from '#common/suggestions';
import {
  blocks,
  connectionRequests,
  connections,
  peopleSuggestions,
  profiles,
  users,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, grantTestConsents, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { SUGGESTIONS_REFRESH_ALL_JOB } from './suggestions.jobs';
import { computeSuggestions, forgetIdf, suggestionOptions } from './suggestions.service';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
const HOUR = 3_600_000;
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let me: Session;
let other: Session;

/** Every test uses its own department and skill names, so members of other tests never mix in. */
let n = 0;
const unique = (s: string) => `${s}-${++n}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  other = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const get = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { cookie, headers: { 'accept-language': lang } });
const post = (path: string, cookie?: string) => t.request(path, { method: 'POST', cookie });
async function suggestions(cookie: string, list: 'know' | 'diagonal', limit = 20) {
  const res = await get(`/api/people/suggestions?list=${list}&limit=${limit}`, cookie);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SuggestionListResult;
}
const idsOf = (r: SuggestionListResult) => r.items.map((i) => i.member.id);

type Profile = NonNullable<Parameters<typeof createTestMember>[1]>['profile'];
const base = (p: Profile): Profile => ({
  joinedOn: '2015-04-01',
  leftOn: '2019-03-31',
  departments: [],
  skills: [],
  languages: ['ja'],
  industry: null,
  location: null,
  country: 'JP',
  currentEmployer: null,
  ...p,
});
const member = (profile: Profile, extra: Parameters<typeof createTestMember>[1] = {}) =>
  createTestMember(t, { role: 'alumni', ...extra, profile: base(profile) });

describe('a candidate changes their profile', () => {
  it('the lists that hold them are recomputed on next read: the reason names the new industry', async () => {
    const skill = unique('Robotics');
    const viewer = await signedIn(t, {
      role: 'alumni',
      profile: base({
        departments: [unique('IT')],
        joinedOn: '2020-04-01',
        leftOn: '2024-03-31',
        skills: [skill],
      }),
    });
    const senior = await signedIn(t, {
      role: 'alumni',
      profile: base({
        departments: [unique('営業')],
        joinedOn: '2005-04-01',
        industry: 'healthcare',
        skills: [skill],
      }),
    });
    const before = (await suggestions(viewer.cookie, 'diagonal')).items.find(
      (i) => i.member.id === senior.member.id,
    );
    expect(before?.terms.find((x) => x.kind === 'industry')).toMatchObject({ industry: 'healthcare' });

    const saved = await t.request(`/api/members/${senior.member.id}`, {
      method: 'PATCH',
      cookie: senior.cookie,
      json: { industry: 'finance' },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = (await suggestions(viewer.cookie, 'diagonal')).items.find(
      (i) => i.member.id === senior.member.id,
    );
    expect(after?.terms.find((x) => x.kind === 'industry')).toMatchObject({ industry: 'finance' });
  });
});

describe('GET /api/people/suggestions', () => {
  it('400 on a bad list or limit, with field messages in the member’s language', async () => {
    const bad = await get('/api/people/suggestions?list=friends', other.cookie, 'ja');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields.list?.[0]).toMatch(/know/);
    expect((await get('/api/people/suggestions?list=know&limit=0', other.cookie)).status).toBe(400);
    expect((await get('/api/people/suggestions?list=know&limit=41', other.cookie)).status).toBe(400);
  });

  it('401 anonymous', async () => {
    expect((await get('/api/people/suggestions?list=know')).status).toBe(401);
    expect((await post(`/api/people/suggestions/${randomUUID()}/dismiss`)).status).toBe(401);
  });

  it('people you may know: same department in overlapping years, reasons as terms, computed on first read', async () => {
    const dept = unique('営業');
    me = await signedIn(t, { role: 'alumni', profile: base({ departments: [dept] }) });
    const colleague = await member({
      departments: [dept],
      joinedOn: '2013-04-01',
      leftOn: '2017-03-31',
      currentEmployer: 'Acme',
    });
    const elsewhere = await member({ departments: [unique('法務')], joinedOn: '2001-04-01' });
    const r = await suggestions(me.cookie, 'know');
    expect(r.list).toBe('know');
    expect(idsOf(r)).toContain(colleague.id);
    expect(idsOf(r)).not.toContain(elsewhere.id);
    expect(idsOf(r)).not.toContain(me.member.id);
    const item = r.items.find((i) => i.member.id === colleague.id);
    expect(item?.terms[0]).toMatchObject({ kind: 'sameDepartment', department: dept, from: 2015, to: 2017 });
    expect(item?.member.currentEmployer).toBe('Acme');
  });

  it('diagonal: another generation and department, shared rare skill; a hidden field is never a reason', async () => {
    const skill = unique('Data science');
    const viewer = await signedIn(t, {
      role: 'alumni',
      profile: base({
        departments: [unique('IT')],
        joinedOn: '2020-04-01',
        leftOn: '2024-03-31',
        skills: [skill],
      }),
    });
    const senior = await member({
      departments: [unique('営業')],
      joinedOn: '2005-04-01',
      industry: 'healthcare',
      skills: [skill, 'Excel'],
    });
    const r = await suggestions(viewer.cookie, 'diagonal');
    const item = r.items.find((i) => i.member.id === senior.id);
    expect(item?.terms.map((x) => x.kind)).toEqual([
      'generationGap',
      'otherDepartment',
      'industry',
      'sharedSkills',
      'sameLocation',
    ]);
    expect(item?.terms[0]).toMatchObject({ years: 15, direction: 'before' });

    // The senior hides their skills from alumni: the term goes at read time, and with no
    // remaining shared interest the next computation drops them.
    await t.db
      .update(profiles)
      .set({ hiddenFromMembers: ['skills'] })
      .where(eq(profiles.userId, senior.id));
    const after = await suggestions(viewer.cookie, 'diagonal');
    const kinds = after.items.find((i) => i.member.id === senior.id)?.terms.map((x) => x.kind) ?? [];
    expect(kinds).not.toContain('sharedSkills');
    await computeSuggestions(t, { userId: viewer.member.id });
    expect(idsOf(await suggestions(viewer.cookie, 'diagonal'))).not.toContain(senior.id);
  });
});

describe('never: checked at read time even when the stored list is stale', () => {
  it('blocked either way, connected, pending request, not listed, deactivated', async () => {
    const dept = unique('経理');
    const viewer = await signedIn(t, { role: 'alumni', profile: base({ departments: [dept] }) });
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await member({ departments: [dept] }));
    await computeSuggestions(t, { userId: viewer.member.id });
    expect(idsOf(await suggestions(viewer.cookie, 'know', 40))).toEqual(
      expect.arrayContaining(people.map((p) => p.id)),
    );
    const [blockedByMe, blockedMe, connected, requested, requestedMe, unlisted, gone] = people.map(
      (p) => p.id,
    ) as string[];
    const v = viewer.member.id;
    await t.db.insert(blocks).values([
      { blockerId: v, blockedId: blockedByMe as string },
      { blockerId: blockedMe as string, blockedId: v },
    ]);
    await t.db.insert(connections).values([
      { userId: v, otherId: connected as string },
      { userId: connected as string, otherId: v },
    ]);
    await t.db.insert(connectionRequests).values([
      { id: randomUUID(), fromId: v, toId: requested as string },
      { id: randomUUID(), fromId: requestedMe as string, toId: v },
    ]);
    await grantTestConsents(t, unlisted as string, []);
    await t.db
      .update(users)
      .set({ status: 'deactivated' })
      .where(eq(users.id, gone as string));
    // The stored rows are still there (stale); the read filters every one of them out.
    const stored = await t.db.select().from(peopleSuggestions).where(eq(peopleSuggestions.memberId, v));
    expect(stored.length).toBeGreaterThanOrEqual(7);
    const ids = idsOf(await suggestions(viewer.cookie, 'know', 40));
    for (const p of people) expect(ids).not.toContain(p.id);
    // And the next computation does not store them either.
    await computeSuggestions(t, { userId: v });
    const again = await t.db.select().from(peopleSuggestions).where(eq(peopleSuggestions.memberId, v));
    for (const p of people) expect(again.map((s) => s.candidateId)).not.toContain(p.id);
  });
});

describe('fading and "not now"', () => {
  it('impressions count once per 12 hours; past three the score fades; dismiss hides, only one’s own', async () => {
    const dept = unique('人事');
    const viewer = await signedIn(t, { role: 'alumni', profile: base({ departments: [dept] }) });
    const p = await member({ departments: [dept] });
    const first = (await suggestions(viewer.cookie, 'know')).items.find((i) => i.member.id === p.id);
    const score = first?.score ?? 0;
    expect(score).toBeGreaterThan(0);
    // Reloading at once does not count again.
    for (let i = 0; i < 3; i++) await suggestions(viewer.cookie, 'know');
    for (let i = 0; i < 4; i++) {
      clock.advance(13 * HOUR);
      await suggestions(viewer.cookie, 'know');
    }
    // Shown 5 times: the 6th read sees shown = 5 → two fading steps.
    clock.advance(13 * HOUR);
    const faded = (await suggestions(viewer.cookie, 'know')).items.find((i) => i.member.id === p.id);
    expect(faded?.score).toBeCloseTo(score * 0.8 ** 2, 1);

    // Not someone else's suggestion: 404, and nothing hidden.
    expect((await post(`/api/people/suggestions/${p.id}/dismiss`, other.cookie)).status).toBe(404);
    expect((await post(`/api/people/suggestions/not-a-uuid/dismiss`, viewer.cookie)).status).toBe(400);
    expect((await post(`/api/people/suggestions/${p.id}/dismiss`, viewer.cookie)).status).toBe(204);
    expect(idsOf(await suggestions(viewer.cookie, 'know'))).not.toContain(p.id);
    await computeSuggestions(t, { userId: viewer.member.id });
    expect(idsOf(await suggestions(viewer.cookie, 'know'))).not.toContain(p.id);
  });
});

describe('the full refresh (decision 023)', () => {
  it('walks every member in batches and serves a concurrent request before it ends', async () => {
    const dept = unique('総務');
    const viewer = await signedIn(t, { role: 'alumni', profile: base({ departments: [dept] }) });
    await suggestions(viewer.cookie, 'know');
    const late = await member({ departments: [dept] });
    // Stored before the newcomer: not there yet.
    expect(idsOf(await suggestions(viewer.cookie, 'know'))).not.toContain(late.id);
    const saved = { ...suggestionOptions };
    Object.assign(suggestionOptions, { batchSize: 2 });
    forgetIdf();
    try {
      await t.queue.send(SUGGESTIONS_REFRESH_ALL_JOB, {});
      let finished = false;
      const running = t.queue.drain({ names: [SUGGESTIONS_REFRESH_ALL_JOB] }).then(() => {
        finished = true;
      });
      const health = await t.request('/api/health');
      expect(health.status).toBe(200);
      expect(finished).toBe(false);
      await running;
    } finally {
      Object.assign(suggestionOptions, saved);
    }
    expect(idsOf(await suggestions(viewer.cookie, 'know'))).toContain(late.id);
  });
});
