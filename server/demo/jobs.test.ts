import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminJobList, JobFitList, JobList } from '#common/jobs';
import { jobs } from '#server/db/schema/index';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoJobs } from './jobs';
import { DEMO_LOGINS } from './seed';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A demo login as the seed makes it (same email, role and profile). */
async function demoLogin(email: string) {
  const login = DEMO_LOGINS.find((l) => l.email === email);
  if (!login) throw new Error(email);
  const member = await createTestMember(t, {
    email,
    role: login.role,
    names: login.names,
    profile: login.profile,
  });
  return { member, cookie: await signIn(t, email) };
}

describe('seedDemoJobs', () => {
  it('about eight jobs of every kind, posted by the demo HR login; some fit the demo alumna', async () => {
    const hr = await demoLogin('hr@kizuna.example');
    const alumna = await demoLogin('alumni@kizuna.example');
    const employee = await demoLogin('employee@kizuna.example');
    await seedDemoJobs(t.db, { now: t.clock.now() });
    await seedDemoJobs(t.db, { now: t.clock.now() }); // a re-run adds nothing

    const rows = await t.db.select().from(jobs);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.postedBy === hr.member.id)).toBe(true);
    expect(rows.some((r) => r.titleJa && r.titleEn)).toBe(true);
    expect(rows.some((r) => r.employmentType === 'side_job')).toBe(true);

    const admin = (await (await t.request('/api/admin/jobs', { cookie: hr.cookie })).json()) as AdminJobList;
    expect(admin.counts).toMatchObject({ all: 8, draft: 1, expired: 1 });
    const presets = admin.items.map((j) => j.audience.preset);
    expect(presets.filter((p) => p === 'alumni')).toHaveLength(1);
    expect(presets.filter((p) => p === 'employees')).toHaveLength(1);
    const internal = admin.items.find((j) => j.audience.preset === 'employees');

    const fit = (await (await t.request('/api/jobs/fit', { cookie: alumna.cookie })).json()) as JobFitList;
    expect(fit.items.length).toBeGreaterThanOrEqual(3);
    expect(fit.items[0]?.reasons.skills.length).toBeGreaterThan(0);
    const list = (await (await t.request('/api/jobs', { cookie: alumna.cookie })).json()) as JobList;
    expect(list.items.map((j) => j.id)).not.toContain(internal?.id);
    const staff = (await (await t.request('/api/jobs', { cookie: employee.cookie })).json()) as JobList;
    expect(staff.items.map((j) => j.id)).toContain(internal?.id);
    const [draft] = await t.db.select().from(jobs).where(eq(jobs.status, 'draft'));
    expect(list.items.map((j) => j.id)).not.toContain(draft?.id);
  });
});
