import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, leaverCases, type profiles } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
let hr: { member: { id: string }; cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

/** A leaver with a case, their manager (signed in) and the leaver (signed in). */
async function openCase(profile: Partial<typeof profiles.$inferInsert> = {}) {
  const manager = await signedIn(t, { role: 'employee' });
  const leaver = await signedIn(t, { role: 'leaver', profile });
  const id = randomUUID();
  await t.db.insert(leaverCases).values({
    id,
    userId: leaver.member.id,
    managerId: manager.member.id,
    hrOwnerId: hr.member.id,
    lastDay: '2026-12-31',
    reasonCategory: 'career_change',
    previousRole: 'employee',
  });
  return { id, manager, leaver };
}

const PROPOSAL = {
  heldOn: '2026-11-20',
  strengths: 'Calm under pressure; brings people together.',
  learned: 'Running a product launch end to end.',
  outsidePath: 'Product management at a growing SaaS company.',
  outsideRoles: ['Product manager', 'Product manager', 'Customer success lead'],
  outsideIndustries: ['it', 'startup'],
  insidePath: 'Could lead the new platform team on return.',
  insidePositions: ['Platform team lead'],
};

describe('career proposal', () => {
  it('lets HR and the manager write it; the leaver sees it only once shared, then comments', async () => {
    const c = await openCase();
    const path = `/api/exit-cases/${c.id}/proposal`;

    // Before anything is saved: HR and the manager see an empty form; the leaver nothing.
    const empty = await t.request(path, { cookie: c.manager.cookie });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ exists: false, canEdit: true, sharedAt: null });
    // "Nothing shared yet" is a state of the leaver's own case: 200 with null, not an error.
    const none = await t.request(path, { cookie: c.leaver.cookie });
    expect(none.status).toBe(200);
    expect(await none.json()).toBeNull();

    const saved = await t.request(path, { method: 'PUT', cookie: c.manager.cookie, json: PROPOSAL });
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body).toMatchObject({
      exists: true,
      strengths: PROPOSAL.strengths,
      outsideRoles: ['Product manager', 'Customer success lead'],
      outsideIndustries: ['it', 'startup'],
      insidePositions: ['Platform team lead'],
      sharedAt: null,
    });
    expect(body.authorName).toBeTruthy();

    // Saved but not shared: the same null for the leaver (a draft is not revealed), and they may
    // not comment.
    const draft = await t.request(path, { cookie: c.leaver.cookie });
    expect(draft.status).toBe(200);
    expect(await draft.json()).toBeNull();
    const early = await t.request(`${path}/comment`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { comment: 'Thanks' },
    });
    expect(early.status).toBe(404);

    const shared = await t.request(`${path}/share`, { method: 'POST', cookie: hr.cookie });
    expect(shared.status).toBe(200);
    expect((await shared.json()).sharedAt).toBe(t.clock.now().toISOString());

    const seen = await t.request(path, { cookie: c.leaver.cookie });
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({
      outsidePath: PROPOSAL.outsidePath,
      canEdit: false,
      canComment: true,
    });

    const commented = await t.request(`${path}/comment`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { comment: 'Thank you — I would love to come back one day.' },
    });
    expect(commented.status).toBe(200);
    expect((await commented.json()).leaverComment).toBe('Thank you — I would love to come back one day.');
    const byHr = await (await t.request(path, { cookie: hr.cookie })).json();
    expect(byHr.leaverComment).toBe('Thank you — I would love to come back one day.');
  });

  it('rejects bad input with translated per-field messages (400)', async () => {
    const c = await openCase();
    const res = await t.request(`/api/exit-cases/${c.id}/proposal`, {
      method: 'PUT',
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
      json: { ...PROPOSAL, heldOn: '20 Nov', outsideIndustries: ['space'], extra: 1 },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.heldOn).toEqual(['Use a date such as 2024-04-01.']);
    expect(error.fields['outsideIndustries.0']?.[0]).toMatch(/Must be one of/);
    expect(Object.keys(error.fields).some((k) => k.includes('extra'))).toBe(true);

    const ja = await t.request(`/api/exit-cases/${c.id}/proposal/comment`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      headers: { 'accept-language': 'ja' },
      json: { comment: '   ' },
    });
    expect(ja.status).toBe(400);
    expect((await ja.json()).error.fields.comment).toEqual(['必須項目です。']);

    // Sharing before anything was saved is a mistake, not a silent no-op.
    const share = await t.request(`/api/exit-cases/${c.id}/proposal/share`, {
      method: 'POST',
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(share.status).toBe(400);
    expect((await share.json()).error.message).toBe('Save the proposal before sharing it.');
  });

  it('answers 401 to anonymous callers on every endpoint', async () => {
    const c = await openCase();
    const base = `/api/exit-cases/${c.id}`;
    for (const [method, path, json] of [
      ['GET', `${base}/proposal`, undefined],
      ['PUT', `${base}/proposal`, PROPOSAL],
      ['POST', `${base}/proposal/share`, undefined],
      ['POST', `${base}/proposal/comment`, { comment: 'hi' }],
      ['GET', `${base}/suggestions`, undefined],
    ] as const) {
      expect((await t.request(path, { method, json })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('is a 404 for other members, other managers, alumni and wrong roles', async () => {
    const c = await openCase();
    await t.request(`/api/exit-cases/${c.id}/proposal`, { method: 'PUT', cookie: hr.cookie, json: PROPOSAL });
    await t.request(`/api/exit-cases/${c.id}/proposal/share`, { method: 'POST', cookie: hr.cookie });
    const other = await openCase();
    const strangers = [
      (await signedIn(t, { role: 'employee' })).cookie,
      (await signedIn(t, { role: 'alumni' })).cookie,
      other.manager.cookie,
      other.leaver.cookie,
    ];
    const base = `/api/exit-cases/${c.id}`;
    for (const cookie of strangers) {
      expect((await t.request(`${base}/proposal`, { cookie })).status).toBe(404);
      expect((await t.request(`${base}/proposal`, { method: 'PUT', cookie, json: PROPOSAL })).status).toBe(
        404,
      );
      expect((await t.request(`${base}/proposal/share`, { method: 'POST', cookie })).status).toBe(404);
      const comment = await t.request(`${base}/proposal/comment`, {
        method: 'POST',
        cookie,
        json: { comment: 'x' },
      });
      expect(comment.status).toBe(404);
      expect((await t.request(`${base}/suggestions`, { cookie })).status).toBe(404);
    }
    // The leaver reads but never writes or shares; HR and the manager never comment as the leaver.
    expect(
      (await t.request(`${base}/proposal`, { method: 'PUT', cookie: c.leaver.cookie, json: PROPOSAL }))
        .status,
    ).toBe(404);
    expect(
      (await t.request(`${base}/proposal/share`, { method: 'POST', cookie: c.leaver.cookie })).status,
    ).toBe(404);
    for (const cookie of [hr.cookie, c.manager.cookie]) {
      const res = await t.request(`${base}/proposal/comment`, {
        method: 'POST',
        cookie,
        json: { comment: 'x' },
      });
      expect(res.status).toBe(404);
    }
    expect((await t.request(`/api/exit-cases/${randomUUID()}/proposal`, { cookie: hr.cookie })).status).toBe(
      404,
    );
  });

  it('stays on the alumni record for the person and HR; the manager loses it with the case', async () => {
    const c = await openCase();
    const path = `/api/exit-cases/${c.id}/proposal`;
    await t.request(path, { method: 'PUT', cookie: c.manager.cookie, json: PROPOSAL });
    await t.request(`${path}/share`, { method: 'POST', cookie: c.manager.cookie });
    await t.db
      .update(leaverCases)
      .set({ status: 'completed', convertedAt: t.clock.now() })
      .where(eq(leaverCases.id, c.id));

    expect((await t.request(path, { cookie: c.manager.cookie })).status).toBe(404);
    expect((await t.request(path, { method: 'PUT', cookie: c.manager.cookie, json: PROPOSAL })).status).toBe(
      404,
    );
    expect(
      (await t.request(`/api/exit-cases/${c.id}/suggestions`, { cookie: c.manager.cookie })).status,
    ).toBe(404);
    expect((await t.request(path, { cookie: c.leaver.cookie })).status).toBe(200);
    expect((await t.request(path, { cookie: hr.cookie })).status).toBe(200);
  });

  it('writes an audit event when HR views the proposal', async () => {
    const c = await openCase();
    await t.request(`/api/exit-cases/${c.id}/proposal`, { cookie: hr.cookie });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, c.id), eq(auditEvents.action, 'exit_case.viewed')));
    expect(events.length).toBe(1);
    expect(events[0]?.actorId).toBe(hr.member.id);
  });
});

describe('suggestions', () => {
  const alumnus = (profile: Partial<typeof profiles.$inferInsert>, consents: ('directory' | 'events')[]) =>
    createTestMember(t, {
      role: 'alumni',
      canSignIn: false,
      consents,
      profile: {
        departments: [],
        skills: [],
        lastTitle: null,
        industry: null,
        currentTitle: null,
        ...profile,
      },
    });

  it('aggregates consenting alumni with the same background, groups of 3 or more, no names', async () => {
    const dept = `Data Platform ${randomUUID().slice(0, 6)}`;
    const c = await openCase({ departments: [dept], skills: ['Kotlin'], lastTitle: 'Staff engineer' });
    // Three consenting alumni from the department now work as "Data engineer" in IT.
    for (let i = 0; i < 3; i += 1) {
      await alumnus(
        { departments: [dept], currentTitle: 'Data engineer', industry: 'it', skills: ['dbt', 'SQL'] },
        ['directory'],
      );
    }
    // Two more are "Founder": below the group minimum, never shown.
    for (let i = 0; i < 2; i += 1) {
      await alumnus({ departments: [dept], currentTitle: 'Founder', industry: 'startup' }, ['directory']);
    }
    // Matching by title and by skill (case-insensitive) also counts.
    await alumnus({ lastTitle: 'staff engineer', currentTitle: 'Founder', industry: 'startup' }, [
      'directory',
    ]);
    // Not consenting to the directory: never counted, even with everything in common.
    for (let i = 0; i < 3; i += 1) {
      await alumnus(
        { departments: [dept], skills: ['kotlin'], currentTitle: 'Secret agent', industry: 'public_sector' },
        ['events'],
      );
    }
    // Consenting, but the field is hidden from employees: not counted for that field.
    await alumnus(
      {
        departments: [dept],
        currentTitle: 'Hidden role',
        industry: 'energy',
        visibility: { currentTitle: 'admins', industry: 'admins' },
      },
      ['directory'],
    );

    const res = await t.request(`/api/exit-cases/${c.id}/suggestions`, { cookie: c.leaver.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.matched).toBe(7);
    expect(body.basis).toEqual({ departments: [dept], skills: ['Kotlin'], lastTitle: 'Staff engineer' });
    expect(body.titles).toEqual([
      { value: 'Data engineer', count: 3 },
      { value: 'Founder', count: 3 },
    ]);
    expect(body.industries).toEqual([
      { value: 'it', count: 3 },
      { value: 'startup', count: 3 },
    ]);
    expect(body.skills).toEqual([
      { value: 'dbt', count: 3 },
      { value: 'SQL', count: 3 },
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain('Secret agent');
    expect(text).not.toContain('public_sector');
    expect(text).not.toContain('Hidden role');
    expect(text).not.toMatch(/"(id|userId|name|familyName|email)"/);

    // HR and the manager get the same aggregate.
    for (const cookie of [hr.cookie, c.manager.cookie]) {
      const other = await t.request(`/api/exit-cases/${c.id}/suggestions`, { cookie });
      expect(other.status).toBe(200);
      expect((await other.json()).titles).toEqual(body.titles);
    }
  });

  it('shows nothing when fewer than 3 alumni share the background', async () => {
    const dept = `Tiny team ${randomUUID().slice(0, 6)}`;
    const c = await openCase({ departments: [dept], skills: [], lastTitle: null });
    for (let i = 0; i < 2; i += 1) {
      await alumnus({ departments: [dept], currentTitle: 'Designer', industry: 'media' }, ['directory']);
    }
    const body = await (
      await t.request(`/api/exit-cases/${c.id}/suggestions`, { cookie: c.leaver.cookie })
    ).json();
    expect(body).toMatchObject({ matched: 0, titles: [], industries: [], skills: [] });
  });
});
