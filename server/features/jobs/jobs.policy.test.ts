import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminJobList, JobAudienceInput, JobList } from '#common/jobs';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * The jobs policy table (decisions 004 and 016), through the real API: for every kind of viewer and
 * a job of every audience preset (with a confidential group and HR's exclusion rules), who finds
 * the job in the list and opens it (200), and who gets a 404. The expectations are written out by
 * hand, not computed by the policy under test.
 */
failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const VIEWERS = [
  'alumnus',
  'recentAlumnus',
  'rivalAlumnus',
  'groupAlumnus',
  'employee',
  'groupEmployee',
  'leaver',
  'hr',
  'admin',
] as const;
type ViewerKind = (typeof VIEWERS)[number];

const JOBS = ['alumni', 'alumniAndEmployees', 'employees', 'group', 'coolingOff', 'noRivals'] as const;
type JobKind = (typeof JOBS)[number];

/** Who lists each job (the same people open it; everyone else gets a 404 — HR excepted, below). */
const LISTED: Record<JobKind, readonly ViewerKind[]> = {
  // network, roles [alumni]: alumni only — not employees, leavers or HR.
  alumni: ['alumnus', 'recentAlumnus', 'rivalAlumnus', 'groupAlumnus'],
  // network: every member.
  alumniAndEmployees: VIEWERS,
  // internal: people employed today; never alumni.
  employees: ['employee', 'groupEmployee', 'leaver', 'hr', 'admin'],
  // confidential: the named members only; no role grants it, not even admin.
  group: ['groupAlumnus', 'groupEmployee'],
  // network, minus people who left fewer than 6 months ago. A leaver, whose last day is still to
  // come, counts as 0 months (access.policy's monthsSinceLeft): the cooling-off covers them too.
  coolingOff: ['alumnus', 'rivalAlumnus', 'groupAlumnus', 'employee', 'groupEmployee', 'hr', 'admin'],
  // alumni, minus those now at a listed employer (matched ignoring case and width).
  noRivals: ['alumnus', 'recentAlumnus', 'groupAlumnus'],
};

/** HR opens every job (detail and the admin list), whoever its audience. */
const HR_VIEWERS: readonly ViewerKind[] = ['hr', 'admin'];

const cookies = {} as Record<ViewerKind, string>;
const jobIds = {} as Record<JobKind, string>;
const DEPARTMENT = 'ポリシー表';

beforeAll(async () => {
  // Every viewer once worked in the jobs' department, so every job they may see fits them.
  const departments = [DEPARTMENT];
  const alumni = (profile: Record<string, unknown>) =>
    signedIn(t, { role: 'alumni', profile: { departments, ...profile } });
  const viewers: Record<ViewerKind, Awaited<ReturnType<typeof signedIn>>> = {
    alumnus: await alumni({ leftOn: '2023-03-31', currentEmployer: '株式会社ミライテック' }),
    recentAlumnus: await alumni({ leftOn: '2026-09-30', currentEmployer: null }),
    rivalAlumnus: await alumni({ leftOn: '2022-03-31', currentEmployer: 'ＲＩＶＡＬ　ｉｎｃ' }),
    groupAlumnus: await alumni({ leftOn: '2021-03-31', currentEmployer: null }),
    employee: await signedIn(t, { role: 'employee', profile: { departments } }),
    groupEmployee: await signedIn(t, { role: 'employee', profile: { departments } }),
    leaver: await signedIn(t, { role: 'leaver', profile: { departments, leftOn: '2026-12-31' } }),
    hr: await signedIn(t, { role: 'alumni_manager', profile: { departments } }),
    admin: await signedIn(t, { role: 'admin', profile: { departments } }),
  };
  for (const kind of VIEWERS) cookies[kind] = viewers[kind].cookie;

  const audiences: Record<JobKind, JobAudienceInput> = {
    alumni: { preset: 'alumni' },
    alumniAndEmployees: { preset: 'alumni_and_employees' },
    employees: { preset: 'employees' },
    group: { preset: 'group', memberIds: [viewers.groupAlumnus.member.id, viewers.groupEmployee.member.id] },
    coolingOff: { preset: 'alumni_and_employees', excludeLeftWithinMonths: 6 },
    noRivals: { preset: 'alumni', excludeEmployers: ['Rival Inc'] },
  };
  for (const kind of JOBS) {
    const res = await t.request('/api/jobs', {
      method: 'POST',
      cookie: viewers.hr.cookie,
      json: {
        titleEn: `Policy ${kind}`,
        descriptionEn: 'Who may see this job?',
        department: DEPARTMENT,
        location: '東京',
        remote: 'hybrid',
        employmentType: 'full_time',
        skills: ['Policy'],
        closesOn: '2027-12-31',
        audience: audiences[kind],
        status: 'open',
      },
    });
    expect(res.status, kind).toBe(201);
    jobIds[kind] = ((await res.json()) as { id: string }).id;
  }
});

async function listed(viewer: ViewerKind): Promise<string[]> {
  const res = await t.request(`/api/jobs?department=${encodeURIComponent(DEPARTMENT)}&pageSize=50`, {
    cookie: cookies[viewer],
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as JobList).items.map((j) => j.id);
}

describe('who finds each job in the list, and who opens it', () => {
  for (const viewer of VIEWERS) {
    for (const job of JOBS) {
      const inList = LISTED[job].includes(viewer);
      const detail = inList || HR_VIEWERS.includes(viewer) ? 200 : 404;
      it(`${job} × ${viewer} → list ${inList ? 'yes' : 'no'}, detail ${detail}`, async () => {
        expect((await listed(viewer)).includes(jobIds[job])).toBe(inList);
        const res = await t.request(`/api/jobs/${jobIds[job]}`, { cookie: cookies[viewer] });
        expect(res.status).toBe(detail);
      });
    }
  }
});

describe('"jobs that fit me" ranks exactly the jobs the viewer may list', () => {
  for (const viewer of VIEWERS) {
    it(viewer, async () => {
      const res = await t.request('/api/jobs/fit?pageSize=50', { cookie: cookies[viewer] });
      expect(res.status).toBe(200);
      const fit = ((await res.json()) as { items: { job: { id: string } }[] }).items.map((i) => i.job.id);
      const expected = JOBS.filter((job) => LISTED[job].includes(viewer)).map((job) => jobIds[job]);
      expect([...fit].sort()).toEqual([...expected].sort());
    });
  }
});

describe('the admin list and HR actions', () => {
  for (const viewer of VIEWERS) {
    const isHr = HR_VIEWERS.includes(viewer);
    it(`${viewer} → admin list ${isHr ? 'every job' : '404'}, publish/close ${isHr ? 'allowed' : '404'}`, async () => {
      const res = await t.request('/api/admin/jobs?pageSize=50', { cookie: cookies[viewer] });
      expect(res.status).toBe(isHr ? 200 : 404);
      if (isHr) {
        const ids = ((await res.json()) as AdminJobList).items.map((j) => j.id);
        for (const job of JOBS) expect(ids).toContain(jobIds[job]);
      } else {
        for (const verb of ['publish', 'close']) {
          const action = await t.request(`/api/jobs/${jobIds.alumniAndEmployees}/${verb}`, {
            method: 'POST',
            cookie: cookies[viewer],
          });
          expect(action.status, verb).toBe(404);
        }
        const edit = await t.request(`/api/jobs/${jobIds.alumniAndEmployees}`, {
          method: 'PATCH',
          cookie: cookies[viewer],
          json: { location: '大阪' },
        });
        expect(edit.status).toBe(404);
      }
    });
  }

  it('an alumnus who leaves the cooling-off period by the clock starts to see the job', async () => {
    expect(await listed('recentAlumnus')).not.toContain(jobIds.coolingOff);
    clock.set('2027-03-31T03:00:00Z'); // six whole months after 2026-09-30
    try {
      expect(await listed('recentAlumnus')).toContain(jobIds.coolingOff);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });
});
