import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, leaverCases, profiles, reportingLines, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { runExitTransition } from './exits.transition';

failOnConsoleError();
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
const clock = fixedClock('2026-11-24T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  admin = await signedIn(t, { role: 'admin' });
});
afterAll(() => t.close());

const json = (res: Response) => res.json() as Promise<Record<string, unknown>>;
const roleOf = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];

async function openCase(cookie: string, body: Record<string, unknown>) {
  return t.request('/api/exit-cases', { method: 'POST', cookie, json: body });
}

describe('POST /api/exit-cases', () => {
  it('401 without a session', async () => {
    const res = await t.request('/api/exit-cases', { method: 'POST', json: {} });
    expect(res.status).toBe(401);
  });

  it('400 with translated per-field messages', async () => {
    const res = await t.request('/api/exit-cases', {
      method: 'POST',
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
      json: { userId: 'x', lastDay: '2026/12/31', timeZone: 'Mars/Olympus', reasonCategory: 'bored' },
    });
    expect(res.status).toBe(400);
    const body = (await json(res)) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields.lastDay).toEqual(['Use a date such as 2024-04-01.']);
    expect(body.error.fields.timeZone).toEqual(['Enter a time zone such as Asia/Tokyo.']);
    expect(Object.keys(body.error.fields)).toContain('reasonCategory');
  });

  it('404 for an employee who is not the manager, and for an alumnus', async () => {
    const target = await createTestMember(t, { role: 'employee' });
    for (const role of ['employee', 'alumni', 'leaver'] as const) {
      const other = await signedIn(t, { role });
      const res = await openCase(other.cookie, {
        userId: target.id,
        lastDay: '2026-12-31',
        reasonCategory: 'other',
      });
      expect(res.status, role).toBe(404);
    }
    expect((await roleOf(target.id))?.role).toBe('employee');
  });

  it('HR opens a case: role leaver, previous role kept, one open case per person (409)', async () => {
    const target = await createTestMember(t, { role: 'employee' });
    const res = await openCase(hr.cookie, {
      userId: target.id,
      lastDay: '2026-12-31',
      reasonCategory: 'career_change',
      reasonNote: 'Moving to a startup',
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      access: 'hr',
      status: 'open',
      stage: 'announced',
      lastDay: '2026-12-31',
      timeZone: 'Asia/Tokyo',
      reasonCategory: 'career_change',
      reasonNote: 'Moving to a startup',
      endsAt: '2026-12-31T15:00:00.000Z',
      hrOwner: { id: hr.member.id },
    });
    expect((await roleOf(target.id))?.role).toBe('leaver');
    const [row] = await t.db
      .select()
      .from(leaverCases)
      .where(eq(leaverCases.id, String(body.id)));
    expect(row?.previousRole).toBe('employee');
    const again = await openCase(hr.cookie, {
      userId: target.id,
      lastDay: '2027-01-31',
      reasonCategory: 'other',
    });
    expect(again.status).toBe(409);
  });

  it('400 for an alumnus (already left) and for an unknown member', async () => {
    const alumnus = await createTestMember(t, { role: 'alumni' });
    const res = await openCase(hr.cookie, {
      userId: alumnus.id,
      lastDay: '2026-12-31',
      reasonCategory: 'other',
    });
    expect(res.status).toBe(400);
    const unknown = await openCase(hr.cookie, {
      userId: '00000000-0000-4000-8000-000000000000',
      lastDay: '2026-12-31',
      reasonCategory: 'other',
    });
    expect(unknown.status).toBe(400);
  });

  it('a manager opens a case for their report only; becomes the case manager', async () => {
    const mgr = await signedIn(t, { role: 'employee' });
    const report = await createTestMember(t, { role: 'employee' });
    const notReport = await createTestMember(t, { role: 'employee' });
    const set = await t.request(`/api/members/${report.id}/manager`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { managerId: mgr.member.id },
    });
    expect(set.status).toBe(200);
    expect((await json(set)).manager).toMatchObject({ id: mgr.member.id });
    const denied = await openCase(mgr.cookie, {
      userId: notReport.id,
      lastDay: '2026-12-31',
      reasonCategory: 'other',
    });
    expect(denied.status).toBe(404);
    const res = await openCase(mgr.cookie, {
      userId: report.id,
      lastDay: '2026-12-31',
      reasonCategory: 'study',
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.access).toBe('manager');
    expect(body.manager).toMatchObject({ id: mgr.member.id });
    expect(body).not.toHaveProperty('reasonCategory');
  });
});

describe('GET /api/exit-cases', () => {
  it('401 anonymous, 400 on a bad filter', async () => {
    expect((await t.request('/api/exit-cases')).status).toBe(401);
    expect((await t.request('/api/exit-cases?status=nope', { cookie: hr.cookie })).status).toBe(400);
  });

  it('HR sees every open case with stage counts; others only theirs', async () => {
    const mgr = await signedIn(t, { role: 'employee' });
    const mine = await signedIn(t, { role: 'employee' });
    const someoneElse = await createTestMember(t, { role: 'employee' });
    const a = await json(
      await openCase(hr.cookie, {
        userId: mine.member.id,
        lastDay: '2026-12-20',
        reasonCategory: 'family',
        managerId: mgr.member.id,
      }),
    );
    const b = await json(
      await openCase(hr.cookie, { userId: someoneElse.id, lastDay: '2026-12-21', reasonCategory: 'other' }),
    );

    const asHr = (await json(await t.request('/api/exit-cases', { cookie: hr.cookie }))) as {
      items: { id: string }[];
      stages: Record<string, number>;
    };
    expect(asHr.items.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(asHr.stages.announced).toBeGreaterThanOrEqual(2);

    const asMgr = (await json(await t.request('/api/exit-cases', { cookie: mgr.cookie }))) as {
      items: { id: string }[];
    };
    expect(asMgr.items.map((i) => i.id)).toEqual([a.id]);
    const asLeaver = (await json(await t.request('/api/exit-cases', { cookie: mine.cookie }))) as {
      items: { id: string; access: string }[];
    };
    expect(asLeaver.items).toMatchObject([{ id: a.id, access: 'leaver' }]);
    const stranger = await signedIn(t, { role: 'employee' });
    const asStranger = (await json(await t.request('/api/exit-cases', { cookie: stranger.cookie }))) as {
      items: [];
    };
    expect(asStranger.items).toEqual([]);
  });
});

describe('GET/PATCH/cancel/rehire on /api/exit-cases/{id}', () => {
  let caseId: string;
  let leaver: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    leaver = await signedIn(t, { role: 'employee' });
    caseId = String(
      (
        await json(
          await openCase(hr.cookie, {
            userId: leaver.member.id,
            lastDay: '2027-01-15',
            reasonCategory: 'health',
          }),
        )
      ).id,
    );
  });

  it('401 anonymous, 400 malformed id, 404 unknown id and other people', async () => {
    expect((await t.request(`/api/exit-cases/${caseId}`)).status).toBe(401);
    expect((await t.request('/api/exit-cases/not-a-uuid', { cookie: hr.cookie })).status).toBe(400);
    expect(
      (await t.request('/api/exit-cases/00000000-0000-4000-8000-000000000000', { cookie: hr.cookie })).status,
    ).toBe(404);
    const other = await signedIn(t, { role: 'employee' });
    expect((await t.request(`/api/exit-cases/${caseId}`, { cookie: other.cookie })).status).toBe(404);
  });

  it('HR views are audited (ids only); the leaver’s are not', async () => {
    await t.request(`/api/exit-cases/${caseId}`, { cookie: hr.cookie });
    await t.request(`/api/exit-cases/${caseId}`, { cookie: leaver.cookie });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, caseId), eq(auditEvents.action, 'exit_case.viewed')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: hr.member.id,
      subjectType: 'leaver_case',
      data: { userId: leaver.member.id },
    });
  });

  it('PATCH: 401, 400 (empty, bad date), 404 for the leaver, happy path for HR', async () => {
    const url = `/api/exit-cases/${caseId}`;
    expect((await t.request(url, { method: 'PATCH', json: { lastDay: '2027-01-20' } })).status).toBe(401);
    expect((await t.request(url, { method: 'PATCH', cookie: hr.cookie, json: {} })).status).toBe(400);
    expect(
      (await t.request(url, { method: 'PATCH', cookie: hr.cookie, json: { lastDay: 'soon' } })).status,
    ).toBe(400);
    expect(
      (await t.request(url, { method: 'PATCH', cookie: leaver.cookie, json: { lastDay: '2027-02-01' } }))
        .status,
    ).toBe(404);
    const res = await t.request(url, {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { lastDay: '2027-01-20', timeZone: 'America/Sao_Paulo', reasonNote: 'Updated' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      lastDay: '2027-01-20',
      timeZone: 'America/Sao_Paulo',
      reasonNote: 'Updated',
    });
  });

  it('rehire eligibility: 401, 400 (not eligible without a reason), 404 for the leaver, happy for HR', async () => {
    const url = `/api/exit-cases/${caseId}/rehire-eligibility`;
    expect((await t.request(url, { method: 'PUT', json: { eligibility: 'eligible' } })).status).toBe(401);
    const bad = await t.request(url, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { eligibility: 'not_eligible' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await json(bad)) as { error: { fields: object } }).error.fields)).toEqual([
      'reason',
    ]);
    expect(
      (await t.request(url, { method: 'PUT', cookie: leaver.cookie, json: { eligibility: 'eligible' } }))
        .status,
    ).toBe(404);
    const res = await t.request(url, {
      method: 'PUT',
      cookie: admin.cookie,
      json: { eligibility: 'needs_review', reason: 'Check with the team' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      rehireEligibility: 'needs_review',
      rehireReason: 'Check with the team',
    });
  });

  it('cancel: 401, 400 malformed id, 404 for the leaver, happy path restores the role, then 409', async () => {
    const url = `/api/exit-cases/${caseId}/cancel`;
    expect((await t.request(url, { method: 'POST' })).status).toBe(401);
    expect((await t.request('/api/exit-cases/x/cancel', { method: 'POST', cookie: hr.cookie })).status).toBe(
      400,
    );
    expect((await t.request(url, { method: 'POST', cookie: leaver.cookie })).status).toBe(404);
    const res = await t.request(url, { method: 'POST', cookie: hr.cookie });
    expect(res.status).toBe(200);
    expect((await json(res)).status).toBe('cancelled');
    expect((await roleOf(leaver.member.id))?.role).toBe('employee');
    expect((await t.request(url, { method: 'POST', cookie: hr.cookie })).status).toBe(409);
  });
});

describe('PUT /api/members/{id}/manager', () => {
  it('401, 400, 404 for non-HR and unknown member, happy path replaces the line', async () => {
    const report = await createTestMember(t, { role: 'employee' });
    const m1 = await createTestMember(t, { role: 'employee' });
    const m2 = await createTestMember(t, { role: 'employee' });
    const url = `/api/members/${report.id}/manager`;
    expect((await t.request(url, { method: 'PUT', json: { managerId: m1.id } })).status).toBe(401);
    expect((await t.request(url, { method: 'PUT', cookie: hr.cookie, json: {} })).status).toBe(400);
    expect(
      (await t.request(url, { method: 'PUT', cookie: hr.cookie, json: { managerId: report.id } })).status,
    ).toBe(400);
    const emp = await signedIn(t, { role: 'employee' });
    expect(
      (await t.request(url, { method: 'PUT', cookie: emp.cookie, json: { managerId: m1.id } })).status,
    ).toBe(404);
    expect(
      (
        await t.request('/api/members/nobody/manager', {
          method: 'PUT',
          cookie: hr.cookie,
          json: { managerId: m1.id },
        })
      ).status,
    ).toBe(404);
    await t.request(url, { method: 'PUT', cookie: hr.cookie, json: { managerId: m1.id } });
    await t.request(url, { method: 'PUT', cookie: hr.cookie, json: { managerId: m2.id } });
    const lines = await t.db.select().from(reportingLines).where(eq(reportingLines.reportId, report.id));
    expect(lines.map((l) => l.managerId)).toEqual([m2.id]);
    const cleared = await t.request(url, { method: 'PUT', cookie: hr.cookie, json: { managerId: null } });
    expect(await json(cleared)).toEqual({ reportId: report.id, manager: null });
  });
});

describe('the last-day transition', () => {
  it('converts only when the last day has ended in the case’s zone (Tokyo, São Paulo), once', async () => {
    clock.set('2026-11-24T03:00:00Z');
    const tokyo = await signedIn(t, { role: 'employee' });
    const saoPaulo = await signedIn(t, { role: 'employee' });
    const tk = await json(
      await openCase(hr.cookie, { userId: tokyo.member.id, lastDay: '2026-12-25', reasonCategory: 'other' }),
    );
    const sp = await json(
      await openCase(hr.cookie, {
        userId: saoPaulo.member.id,
        lastDay: '2026-12-25',
        timeZone: 'America/Sao_Paulo',
        reasonCategory: 'relocation',
      }),
    );
    const status = async (id: unknown) =>
      (
        await t.db
          .select()
          .from(leaverCases)
          .where(eq(leaverCases.id, String(id)))
      )[0]?.status;

    clock.set('2026-12-25T14:59:59Z'); // 23:59:59 in Tokyo
    await runExitTransition({ ...depsOf(t) });
    expect(await status(tk.id)).toBe('open');
    clock.set('2026-12-25T15:00:00Z'); // midnight in Tokyo, 12:00 in São Paulo
    await runExitTransition(depsOf(t));
    expect(await status(tk.id)).toBe('completed');
    expect(await status(sp.id)).toBe('open');
    expect((await roleOf(tokyo.member.id))?.role).toBe('alumni');
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.userId, tokyo.member.id));
    expect(profile?.leftOn).toBe('2026-12-25');

    clock.set('2026-12-26T02:59:59Z'); // 23:59:59 in São Paulo (UTC−3)
    await runExitTransition(depsOf(t));
    expect(await status(sp.id)).toBe('open');
    clock.set('2026-12-26T03:00:00Z');
    expect((await runExitTransition(depsOf(t))).converted).toBe(1);
    expect(await status(sp.id)).toBe('completed');
    // Idempotent: nothing left to do.
    expect((await runExitTransition(depsOf(t))).converted).toBe(0);
  });

  it('switches the login to the personal email, and an existing session loses employee-only fields', async () => {
    clock.set('2026-11-24T03:00:00Z');
    const subject = await createTestMember(t, {
      role: 'employee',
      profile: { bio: 'Employees only', visibility: { bio: 'employees' } },
    });
    const leaver = await signedIn(t, { role: 'employee' });
    const c = await json(
      await openCase(hr.cookie, { userId: leaver.member.id, lastDay: '2026-12-01', reasonCategory: 'other' }),
    );
    await t.db
      .update(leaverCases)
      .set({ personalEmail: 'Private.Person@example.org', networkDecision: 'joined' })
      .where(eq(leaverCases.id, String(c.id)));
    const before = await json(await t.request(`/api/members/${subject.id}`, { cookie: leaver.cookie }));
    expect(before.bio).toBe('Employees only');

    clock.set('2026-12-02T00:00:00Z');
    const run = await t.request('/api/dev/jobs/exits.transition', { method: 'POST', cookie: admin.cookie });
    expect(run.status).toBe(200);
    const after = await json(await t.request(`/api/members/${subject.id}`, { cookie: leaver.cookie }));
    expect(after).not.toHaveProperty('bio');
    expect((await roleOf(leaver.member.id))?.email).toBe('private.person@example.org');
    await signIn(t, 'private.person@example.org');
  });

  it('keeps the work email and flags the case when the personal email is taken', async () => {
    clock.set('2026-11-24T03:00:00Z');
    const taken = await createTestMember(t, { role: 'alumni' });
    const leaver = await createTestMember(t, { role: 'employee' });
    const c = await json(
      await openCase(hr.cookie, { userId: leaver.id, lastDay: '2026-12-01', reasonCategory: 'other' }),
    );
    await t.db
      .update(leaverCases)
      .set({ personalEmail: taken.email })
      .where(eq(leaverCases.id, String(c.id)));
    clock.set('2026-12-02T00:00:00Z');
    await runExitTransition(depsOf(t));
    expect((await roleOf(leaver.id))?.email).toBe(leaver.email.toLowerCase());
    const view = await json(await t.request(`/api/exit-cases/${c.id}`, { cookie: hr.cookie }));
    expect(view).toMatchObject({ status: 'completed', emailConflict: true });
  });

  it('closes the account without mail when the person declined the network', async () => {
    clock.set('2026-11-24T03:00:00Z');
    const leaver = await signedIn(t, { role: 'employee' });
    const c = await json(
      await openCase(hr.cookie, { userId: leaver.member.id, lastDay: '2026-12-01', reasonCategory: 'other' }),
    );
    await t.db
      .update(leaverCases)
      .set({ networkDecision: 'declined', personalEmail: 'declined@example.org' })
      .where(eq(leaverCases.id, String(c.id)));
    clock.set('2026-12-02T00:00:00Z');
    await t.queue.drain();
    const sent = t.mailer.sent.length;
    await runExitTransition(depsOf(t));
    await t.queue.drain();
    const user = await roleOf(leaver.member.id);
    expect(user).toMatchObject({
      status: 'deactivated',
      role: 'alumni',
      email: leaver.member.email.toLowerCase(),
    });
    expect(t.mailer.sent.length).toBe(sent);
    expect((await t.request('/api/exit-cases', { cookie: leaver.cookie })).status).toBe(401);
  });
});

describe('dev time travel', () => {
  it('404 for non-admins and in production; admins move the clock', async () => {
    const url = '/api/dev/clock';
    expect((await t.request(url, { method: 'POST', json: { advanceDays: 1 } })).status).toBe(401);
    expect(
      (await t.request(url, { method: 'POST', cookie: admin.cookie, json: { advanceDays: 1.5 } })).status,
    ).toBe(400);
    expect(
      (await t.request(url, { method: 'POST', cookie: hr.cookie, json: { advanceDays: 1 } })).status,
    ).toBe(404);
    expect(
      (await t.request('/api/dev/jobs/exits.transition', { method: 'POST', cookie: hr.cookie })).status,
    ).toBe(404);
    clock.set('2026-11-24T03:00:00Z');
    const res = await t.request(url, { method: 'POST', cookie: admin.cookie, json: { advanceDays: 2 } });
    expect(res.status).toBe(200);
    expect((await json(res)).now).toBe('2026-11-26T03:00:00.000Z');

    const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const a = await signedIn(prod, { role: 'admin' });
      const r = await prod.request(url, { method: 'POST', cookie: a.cookie, json: { advanceDays: 1 } });
      expect(r.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

/** The deps the app was built with (the same db, clock and queue as the requests use). */
function depsOf(app: TestApp) {
  return {
    db: app.db,
    env: app.env,
    clock: app.clock,
    queue: app.queue,
    hooks: app.hooks,
    mailer: undefined as never,
    logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
    auth: undefined as never,
  };
}
