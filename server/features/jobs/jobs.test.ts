import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminJobList, FitJob, Job, JobCreateInput, JobFitList, JobList } from '#common/jobs';
import { JOB_ALERTS_MATCH_JOB } from '#common/rehiring-reference';
import { normalizeForSearch } from '#common/search-text';
import { auditEvents, jobs } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { locationFits } from './jobs.service';

failOnConsoleError();
const START = '2026-11-24T03:00:00Z'; // 12:00 in Tokyo
const clock = fixedClock(START);
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let admin: Session;
let alumnus: Session;
let employee: Session;
let leaver: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  admin = await signedIn(t, { role: 'admin' });
  alumnus = await signedIn(t, {
    role: 'alumni',
    profile: { leftOn: '2020-03-31', departments: ['営業部'], skills: ['営業'] },
  });
  employee = await signedIn(t, { role: 'employee' });
  leaver = await signedIn(t, { role: 'leaver' });
});
afterAll(() => t.close());
afterEach(() => clock.set(START));

let serial = 0;
/** A unique word, so each test finds its own jobs among those the other tests made. */
const mark = (prefix = 'mark') => `${prefix}${++serial}x${randomUUID().slice(0, 6)}`;

const validJob = (overrides: Partial<JobCreateInput> = {}): JobCreateInput => ({
  titleJa: 'バックエンドエンジニア',
  descriptionJa: '会員基盤のAPIを開発します。\n週2日出社。',
  titleEn: 'Backend Engineer',
  descriptionEn: 'Build the APIs of our membership platform.',
  department: '技術開発本部',
  location: '東京',
  remote: 'hybrid',
  employmentType: 'full_time',
  skills: ['TypeScript', 'PostgreSQL'],
  closesOn: '2026-12-31',
  audience: { preset: 'alumni_and_employees' },
  status: 'open',
  ...overrides,
});

const post = (cookie: string | undefined, json: unknown, lang = 'en') =>
  t.request('/api/jobs', { method: 'POST', cookie, json, headers: { 'accept-language': lang } });

async function createJob(overrides: Partial<JobCreateInput> = {}, cookie = hr.cookie): Promise<Job> {
  const res = await post(cookie, validJob(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Job;
}

const get = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { cookie, headers: { 'accept-language': lang } });
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const listFor = async (cookie: string, qs: string) => {
  const res = await get(`/api/jobs${qs}`, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as JobList;
};
const idsIn = (list: JobList) => list.items.map((j) => j.id);

/** Alert matching is queued only where the job-alerts worker is registered (issue 5 wiring). */
async function queuedAlerts(jobId: string): Promise<number | null> {
  const queues = await t.database.raw.query('select 1 from pgboss.queue where name = $1', [
    JOB_ALERTS_MATCH_JOB,
  ]);
  if (queues.rows.length === 0) return null;
  const { rows } = await t.database.raw.query(
    "select count(*)::int as n from pgboss.job where name = $1 and data->>'jobId' = $2",
    [JOB_ALERTS_MATCH_JOB, jobId],
  );
  return Number(rows[0]?.n ?? 0);
}

describe('GET /api/jobs', () => {
  it('401 without a session', async () => {
    expect((await get('/api/jobs')).status).toBe(401);
  });

  it('400 with translated per-field messages', async () => {
    const res = await get('/api/jobs?remote=moon&pageSize=500', alumnus.cookie);
    expect(res.status).toBe(400);
    const fields = await fieldsOf(res);
    expect(fields['remote.0']?.[0]).toMatch(/^Must be one of: onsite, hybrid, remote/);
    expect(fields.pageSize).toEqual(['Must be at most 50.']);
    const ja = await fieldsOf(await get('/api/jobs?pageSize=500', alumnus.cookie, 'ja'));
    expect(ja.pageSize?.[0]).toMatch(/50/);
    expect(ja.pageSize?.[0]).not.toMatch(/Must/);
  });

  it('searches both languages, folds kana and width, and filters', async () => {
    const word = mark('kw');
    const a = await createJob({
      titleJa: `データエンジニア ${word}`,
      department: `データ室${word}`,
      location: '大阪',
      remote: 'remote',
      employmentType: 'contract',
      skills: ['Python'],
    });
    const b = await createJob({ titleEn: `Site Reliability ${word}`, department: `データ室${word}` });
    // ひらがな finds カタカナ; a full-width query finds half-width text; English finds English.
    expect(
      idsIn(await listFor(alumnus.cookie, `?q=${encodeURIComponent(`でーたえんじにあ ${word}`)}`)),
    ).toEqual([a.id]);
    const wide = word.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(idsIn(await listFor(alumnus.cookie, `?q=${encodeURIComponent(wide)}`)).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(idsIn(await listFor(alumnus.cookie, `?q=RELIABILITY+${word}`))).toEqual([b.id]);
    const dept = encodeURIComponent(`データ室${word}`);
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}&remote=remote`))).toEqual([a.id]);
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}&employmentType=full_time`))).toEqual([
      b.id,
    ]);
    expect(
      idsIn(await listFor(alumnus.cookie, `?department=${dept}&location=${encodeURIComponent('大阪')}`)),
    ).toEqual([a.id]);
    const facets = (await listFor(alumnus.cookie, '')).facets;
    expect(facets.department).toContainEqual({ value: `データ室${word}`, count: 2 });
    expect(facets.location.map((f) => f.value)).toContain('大阪');
  });

  it('pages newest first with a total', async () => {
    const dept = mark('page');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(Date.parse(START) + i * 60_000));
      made.push((await createJob({ department: dept })).id);
    }
    const first = await listFor(alumnus.cookie, `?department=${dept}&pageSize=2`);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, hasMore: true });
    expect(idsIn(first)).toEqual([made[4], made[3]]);
    const last = await listFor(alumnus.cookie, `?department=${dept}&pageSize=2&page=3`);
    expect(last).toMatchObject({ total: 5, hasMore: false });
    expect(idsIn(last)).toEqual([made[0]]);
  });

  it('lists only open jobs before their closing day, never drafts or closed ones', async () => {
    const dept = mark('state');
    const open = await createJob({ department: dept });
    const draft = await createJob({ department: dept, status: 'draft' });
    const closed = await createJob({ department: dept });
    expect(
      (await t.request(`/api/jobs/${closed.id}/close`, { method: 'POST', cookie: hr.cookie })).status,
    ).toBe(200);
    for (const viewer of [alumnus, employee, hr]) {
      expect(idsIn(await listFor(viewer.cookie, `?department=${dept}`))).toEqual([open.id]);
    }
    expect(draft.status).toBe('draft');
  });

  it('alumni never see internal jobs; employees never see alumni-only ones', async () => {
    const dept = mark('aud');
    const internal = await createJob({ department: dept, audience: { preset: 'employees' } });
    const alumniOnly = await createJob({ department: dept, audience: { preset: 'alumni' } });
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([alumniOnly.id]);
    expect(idsIn(await listFor(employee.cookie, `?department=${dept}`))).toEqual([internal.id]);
    expect((await listFor(alumnus.cookie, '')).facets.department.map((f) => f.value)).toContain(dept);
    const hidden = await listFor(alumnus.cookie, `?q=${dept}`);
    expect(idsIn(hidden)).not.toContain(internal.id);
  });
});

describe('expiry by the clock (Asia/Tokyo closing day)', () => {
  it('a job is listed through its closing day and leaves every list at midnight in Tokyo', async () => {
    const dept = mark('exp');
    const job = await createJob({ department: dept, closesOn: '2026-11-30' });
    clock.set('2026-11-30T14:59:00Z'); // 23:59 on the 30th in Tokyo
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([job.id]);
    expect((await get(`/api/jobs/${job.id}`, alumnus.cookie)).status).toBe(200);
    clock.set('2026-11-30T15:00:00Z'); // 00:00 on 1 December in Tokyo
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([]);
    expect((await get(`/api/jobs/${job.id}`, alumnus.cookie)).status).toBe(404);
    const hrView = (await (await get(`/api/jobs/${job.id}`, hr.cookie)).json()) as Job;
    expect(hrView).toMatchObject({ status: 'open', expired: true, isListed: false });
    const admin = (await (
      await get('/api/admin/jobs?status=expired&pageSize=50', hr.cookie)
    ).json()) as AdminJobList;
    expect(admin.items.find((j) => j.id === job.id)).toMatchObject({ expired: true, status: 'open' });
  });
});

describe('GET /api/jobs/fit', () => {
  it('401 without a session', async () => {
    expect((await get('/api/jobs/fit')).status).toBe(401);
  });

  it('400 with translated messages', async () => {
    const res = await get('/api/jobs/fit?page=0', alumnus.cookie);
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).page).toEqual(['Must be at least 1.']);
  });

  it('ranks by skills, then former department, then location, and says why', async () => {
    const me = await signedIn(t, {
      role: 'alumni',
      profile: {
        leftOn: '2022-03-31',
        // Full-width and lower case on purpose: matching ignores case and width.
        skills: ['typescript', 'Ｐｙｔｈｏｎ', 'データ分析'],
        departments: ['技術開発本部'],
        location: '横浜',
        country: 'JP',
      },
    });
    const tag = mark('fit');
    const base = { titleEn: `Fit ${tag}`, descriptionEn: 'x', titleJa: null, descriptionJa: null };
    const twoSkillsAndDept = await createJob({
      ...base,
      skills: ['TypeScript', 'Python', 'Go'],
      department: '技術開発本部',
      location: '東京',
      remote: 'onsite',
    });
    const twoSkillsAndPlace = await createJob({
      ...base,
      skills: ['TypeScript', 'データ分析'],
      department: `他部署${tag}`,
      location: '横浜みなとみらい',
      remote: 'hybrid',
    });
    const oneSkillRemote = await createJob({
      ...base,
      skills: ['データ分析', 'Excel'],
      department: `他部署${tag}`,
      location: '福岡',
      remote: 'remote',
    });
    const deptOnly = await createJob({
      ...base,
      skills: ['Java'],
      department: '技術開発本部',
      location: '大阪',
      remote: 'onsite',
    });
    const placeOnly = await createJob({
      ...base,
      skills: ['Go'],
      department: `他部署${tag}`,
      location: '横浜',
      remote: 'remote',
    });
    const internalMatch = await createJob({
      ...base,
      skills: ['TypeScript'],
      audience: { preset: 'employees' },
    });
    const draftMatch = await createJob({ ...base, skills: ['TypeScript'], status: 'draft' });

    const res = await get('/api/jobs/fit?pageSize=50', me.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as JobFitList;
    expect(body.profile).toEqual({ skills: 3, departments: 1 });
    const mine = new Map<string, FitJob>(
      body.items.filter((i) => i.job.titleEn?.endsWith(tag)).map((i) => [i.job.id, i]),
    );
    expect([...mine.keys()]).toEqual([
      twoSkillsAndDept.id,
      twoSkillsAndPlace.id,
      oneSkillRemote.id,
      deptOnly.id,
    ]);
    expect(mine.get(twoSkillsAndDept.id)?.reasons).toEqual({
      skills: ['TypeScript', 'Python'],
      department: true,
      location: false,
    });
    expect(mine.get(twoSkillsAndPlace.id)?.reasons).toEqual({
      skills: ['TypeScript', 'データ分析'],
      department: false,
      location: true,
    });
    expect(mine.get(oneSkillRemote.id)?.reasons).toEqual({
      skills: ['データ分析'],
      department: false,
      location: true,
    });
    expect(mine.get(deptOnly.id)?.reasons).toEqual({ skills: [], department: true, location: false });
    const scores = [...mine.values()].map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // A place alone does not make a fit; jobs the member may not see never do.
    for (const hidden of [placeOnly, internalMatch, draftMatch]) expect(mine.has(hidden.id)).toBe(false);
  });

  it('pages the ranking', async () => {
    const skill = mark('skill');
    const me = await signedIn(t, { role: 'alumni', profile: { skills: [skill], departments: [] } });
    for (let i = 0; i < 3; i++) await createJob({ skills: [skill] });
    const first = (await (await get('/api/jobs/fit?pageSize=2', me.cookie)).json()) as JobFitList;
    expect(first).toMatchObject({ total: 3, hasMore: true });
    expect(first.items).toHaveLength(2);
    const second = (await (await get('/api/jobs/fit?pageSize=2&page=2', me.cookie)).json()) as JobFitList;
    expect(second).toMatchObject({ total: 3, hasMore: false });
    expect(second.items).toHaveLength(1);
  });

  it('nothing fits a profile without skills or departments', async () => {
    const empty = await signedIn(t, { role: 'alumni', profile: { skills: [], departments: [] } });
    const body = (await (await get('/api/jobs/fit', empty.cookie)).json()) as JobFitList;
    expect(body).toMatchObject({ items: [], total: 0, profile: { skills: 0, departments: 0 } });
  });

  it('location: a remote job suits everyone; a city or the country named by the job suits its residents', () => {
    const yokohama = { location: '横浜', country: 'JP' };
    expect(locationFits({ location: '福岡', remote: 'remote' }, { location: null, country: null })).toBe(
      true,
    );
    expect(locationFits({ location: '横浜本社', remote: 'onsite' }, yokohama)).toBe(true);
    expect(locationFits({ location: '東京', remote: 'hybrid' }, yokohama)).toBe(false);
    expect(locationFits({ location: '日本全国', remote: 'onsite' }, yokohama)).toBe(true);
    expect(locationFits({ location: 'Anywhere in Japan', remote: 'hybrid' }, yokohama)).toBe(true);
    expect(
      locationFits({ location: 'Tokyo, JP', remote: 'onsite' }, { location: 'Osaka', country: 'JP' }),
    ).toBe(true);
    expect(
      locationFits({ location: 'JPMorgan tower', remote: 'onsite' }, { location: null, country: 'JP' }),
    ).toBe(false);
  });
});

describe('GET /api/jobs/{id}', () => {
  it('401 without a session', async () => {
    expect((await get(`/api/jobs/${randomUUID()}`)).status).toBe(401);
  });

  it('400 for a malformed id, translated', async () => {
    const res = await get('/api/jobs/not-a-uuid', alumnus.cookie);
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).id).toEqual(['Invalid value.']);
  });

  it('a member sees a listed job in their audience, without HR’s fields', async () => {
    const job = await createJob({
      audience: { preset: 'alumni' },
      salaryMin: 6_000_000,
      salaryMax: 9_000_000,
      salaryCurrency: 'jpy',
      salaryPeriod: 'year',
    });
    const res = await get(`/api/jobs/${job.id}`, alumnus.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: job.id,
      titleJa: 'バックエンドエンジニア',
      descriptionJa: '会員基盤のAPIを開発します。\n週2日出社。',
      isListed: true,
      salary: { min: 6_000_000, max: 9_000_000, currency: 'JPY', period: 'year' },
    });
    for (const key of ['status', 'expired', 'audience', 'postedBy', 'searchText', 'classification']) {
      expect(body).not.toHaveProperty(key);
    }
  });

  it('404 for the wrong audience, drafts, closed jobs and unknown ids', async () => {
    const internal = await createJob({ audience: { preset: 'employees' } });
    const alumniOnly = await createJob({ audience: { preset: 'alumni' } });
    const draft = await createJob({ status: 'draft' });
    expect((await get(`/api/jobs/${internal.id}`, alumnus.cookie)).status).toBe(404);
    expect((await get(`/api/jobs/${alumniOnly.id}`, employee.cookie)).status).toBe(404);
    expect((await get(`/api/jobs/${alumniOnly.id}`, leaver.cookie)).status).toBe(404);
    expect((await get(`/api/jobs/${draft.id}`, employee.cookie)).status).toBe(404);
    expect((await get(`/api/jobs/${randomUUID()}`, alumnus.cookie)).status).toBe(404);
    expect((await get(`/api/jobs/${randomUUID()}`, hr.cookie)).status).toBe(404);
  });

  it('HR sees any job with its state and audience', async () => {
    const group = await createTestMember(t, { role: 'alumni' });
    const draft = await createJob({
      status: 'draft',
      audience: { preset: 'group', memberIds: [group.id], excludeEmployers: ['Rival Inc'] },
    });
    for (const viewer of [hr, admin]) {
      const body = (await (await get(`/api/jobs/${draft.id}`, viewer.cookie)).json()) as Job;
      expect(body).toMatchObject({
        status: 'draft',
        expired: false,
        isListed: false,
        audience: {
          preset: 'group',
          members: [{ id: group.id }],
          excludeLeftWithinMonths: null,
          excludeEmployers: ['Rival Inc'],
        },
      });
    }
  });
});

describe('POST /api/jobs', () => {
  it('401 without a session', async () => {
    expect((await post(undefined, validJob())).status).toBe(401);
  });

  it('400 with translated per-field messages (en and ja)', async () => {
    const bad = {
      ...validJob({
        titleJa: '',
        titleEn: null,
        descriptionJa: '説明だけ',
        salaryMin: 900,
        salaryMax: 100,
        closesOn: '2026/12/31',
        remote: 'sometimes' as 'remote',
        audience: { preset: 'group' },
      }),
      salaryCurrency: undefined,
    };
    const res = await post(hr.cookie, bad);
    expect(res.status).toBe(400);
    const fields = await fieldsOf(res);
    expect(fields.titleJa).toContain('Enter a title in Japanese or English.');
    expect(fields.titleJa).toContain('Add a title in the same language as the description.');
    expect(fields.titleEn).toContain('Enter a title in Japanese or English.');
    expect(fields.titleEn).toContain('Add a title in the same language as the description.');
    expect(fields.salaryMax).toEqual(['The maximum must not be below the minimum.']);
    expect(fields.salaryCurrency).toEqual(['Choose the currency of the salary.']);
    expect(fields.salaryPeriod).toEqual(['Choose whether the salary is per year, month or hour.']);
    expect(fields.closesOn).toEqual(['Use a date such as 2024-04-01.']);
    expect(fields.remote?.[0]).toMatch(/^Must be one of/);
    expect(fields['audience.memberIds']).toEqual(['Choose at least one member for this group.']);

    const ja = await post(hr.cookie, validJob({ titleEn: 'Only a title', descriptionEn: null }), 'ja');
    expect(ja.status).toBe(400);
    expect((await fieldsOf(ja)).descriptionEn).toEqual(['職種名と同じ言語で仕事内容を入力してください。']);
  });

  it('400, not 500, when a salary is not a number (the cross-field rules still run)', async () => {
    // Found by the property tests: an object salary reached the range comparison and threw.
    const bad = { ...validJob({ salaryMax: 100 }), salaryMin: { toString: 1 } } as never;
    const res = await post(hr.cookie, bad, 'ja');
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).salaryMin).toEqual(['数値を入力してください。']);
  });

  it('400 when publishing with a closing day in the past (a draft may have one)', async () => {
    const res = await post(hr.cookie, validJob({ closesOn: '2026-11-23' }));
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).closesOn).toEqual([
      'The closing date has passed. Choose today or a later date to publish.',
    ]);
    expect((await post(hr.cookie, validJob({ closesOn: '2026-11-24' }))).status).toBe(201);
    expect((await post(hr.cookie, validJob({ closesOn: '2026-11-23', status: 'draft' }))).status).toBe(201);
  });

  it('400 for a group member who is not an active member', async () => {
    const res = await post(hr.cookie, validJob({ audience: { preset: 'group', memberIds: [randomUUID()] } }));
    expect(res.status).toBe(400);
    expect((await fieldsOf(res))['audience.memberIds']).toEqual([
      'Some of the chosen members are not active members.',
    ]);
  });

  it('404 for anyone but HR', async () => {
    for (const viewer of [alumnus, employee, leaver]) {
      expect((await post(viewer.cookie, validJob())).status).toBe(404);
    }
  });

  it('HR publishes at once: stored with its search text, audited, job alerts queued after commit', async () => {
    const job = await createJob({
      titleJa: 'データアナリスト',
      titleEn: 'Data Analyst',
      skills: ['SQL', 'sql', 'Ｔａｂｌｅａｕ'],
      audience: { preset: 'alumni', excludeLeftWithinMonths: 6, excludeEmployers: ['Rival Inc'] },
    });
    expect(job).toMatchObject({
      status: 'open',
      isListed: true,
      skills: ['SQL', 'Ｔａｂｌｅａｕ'],
      audience: {
        preset: 'alumni',
        members: [],
        excludeLeftWithinMonths: 6,
        excludeEmployers: ['Rival Inc'],
      },
    });
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({
      classification: 'network',
      audience: {
        roles: ['alumni'],
        excludeWhen: [
          { attribute: 'monthsSinceLeft', op: 'lt', value: 6 },
          { attribute: 'currentEmployer', op: 'in', value: ['Rival Inc'] },
        ],
      },
      postedBy: hr.member.id,
    });
    expect(row?.publishedAt?.toISOString()).toBe(START.replace('Z', '.000Z'));
    expect(row?.searchText).toContain(normalizeForSearch('データアナリスト'));
    expect(row?.searchText).toContain('data analyst');
    expect(row?.searchText).toContain('tableau');
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'job'), eq(auditEvents.subjectId, job.id)));
    expect(audit.map((a) => a.action)).toEqual(['job.created']);
    const queued = await queuedAlerts(job.id);
    if (queued !== null) expect(queued).toBe(1);
  });

  it('a draft is not announced', async () => {
    const job = await createJob({ status: 'draft' });
    const queued = await queuedAlerts(job.id);
    if (queued !== null) expect(queued).toBe(0);
  });
});

describe('PATCH /api/jobs/{id}', () => {
  const patch = (id: string, cookie: string | undefined, json: unknown) =>
    t.request(`/api/jobs/${id}`, { method: 'PATCH', cookie, json, headers: { 'accept-language': 'en' } });

  it('401 without a session', async () => {
    expect((await patch(randomUUID(), undefined, { location: '大阪' })).status).toBe(401);
  });

  it('400: nothing to change, or a rule broken by the job as it would become', async () => {
    const job = await createJob({
      salaryMin: 100,
      salaryMax: 200,
      salaryCurrency: 'JPY',
      salaryPeriod: 'month',
    });
    const empty = await patch(job.id, hr.cookie, {});
    expect(empty.status).toBe(400);
    expect((await fieldsOf(empty))._).toEqual(['Change at least one item.']);
    const range = await patch(job.id, hr.cookie, { salaryMin: 300 });
    expect((await fieldsOf(range)).salaryMax).toEqual(['The maximum must not be below the minimum.']);
    const noTitle = await patch(job.id, hr.cookie, { titleJa: null, titleEn: '' });
    expect((await fieldsOf(noTitle)).titleJa).toContain('Enter a title in Japanese or English.');
    const past = await patch(job.id, hr.cookie, { closesOn: '2026-11-01' });
    expect((await fieldsOf(past)).closesOn).toEqual([
      'The closing date has passed. Choose today or a later date to publish.',
    ]);
  });

  it('404 for anyone but HR, and for an unknown job', async () => {
    const job = await createJob();
    for (const viewer of [alumnus, employee]) {
      expect((await patch(job.id, viewer.cookie, { location: '大阪' })).status).toBe(404);
    }
    expect((await patch(randomUUID(), hr.cookie, { location: '大阪' })).status).toBe(404);
  });

  it('HR edits: the search text follows, and a new audience applies at once', async () => {
    const before = mark('old');
    const after = mark('new');
    const job = await createJob({
      titleEn: `Engineer ${before}`,
      audience: { preset: 'alumni_and_employees' },
    });
    const res = await patch(job.id, hr.cookie, {
      titleEn: `Engineer ${after}`,
      audience: { preset: 'employees' },
      salaryMin: 5_000_000,
      salaryCurrency: 'JPY',
      salaryPeriod: 'year',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      titleEn: `Engineer ${after}`,
      audience: { preset: 'employees' },
      salary: { min: 5_000_000, max: null, currency: 'JPY', period: 'year' },
    });
    expect(idsIn(await listFor(employee.cookie, `?q=${after}`))).toEqual([job.id]);
    expect(idsIn(await listFor(employee.cookie, `?q=${before}`))).toEqual([]);
    expect((await get(`/api/jobs/${job.id}`, alumnus.cookie)).status).toBe(404);
  });

  it('an open job is matched to alerts again after an edit of what alerts match on; not after other edits or for drafts', async () => {
    const job = await createJob({ department: mark('dept') });
    const queued = async (id = job.id) => {
      const n = await queuedAlerts(id);
      expect(n).not.toBeNull();
      return n ?? 0;
    };
    const start = await queued();
    expect(start).toBe(1);
    const edit = async (json: unknown) => expect((await patch(job.id, hr.cookie, json)).status).toBe(200);
    await edit({ salaryMin: 4_000_000, salaryCurrency: 'JPY', salaryPeriod: 'year', closesOn: '2026-12-30' });
    expect(await queued()).toBe(start);
    const dept = mark('dept');
    await edit({ department: dept });
    expect(await queued()).toBe(start + 1);
    await edit({ department: dept }); // no change
    expect(await queued()).toBe(start + 1);
    await edit({ audience: { preset: 'alumni' } });
    expect(await queued()).toBe(start + 2);
    await edit({ skills: ['Go'] });
    expect(await queued()).toBe(start + 3);
    const draft = await createJob({ status: 'draft' });
    expect((await patch(draft.id, hr.cookie, { titleEn: 'Renamed draft' })).status).toBe(200);
    expect(await queued(draft.id)).toBe(0);
  });
});

describe('POST /api/jobs/{id}/publish and /close', () => {
  const action = (id: string, verb: 'publish' | 'close', cookie?: string) =>
    t.request(`/api/jobs/${id}/${verb}`, { method: 'POST', cookie, headers: { 'accept-language': 'en' } });

  it('401 without a session', async () => {
    expect((await action(randomUUID(), 'publish')).status).toBe(401);
    expect((await action(randomUUID(), 'close')).status).toBe(401);
  });

  it('400 for a malformed id; 400 publishing past the closing day', async () => {
    expect((await action('x', 'publish', hr.cookie)).status).toBe(400);
    expect((await action('x', 'close', hr.cookie)).status).toBe(400);
    const draft = await createJob({ status: 'draft', closesOn: '2026-11-20' });
    const res = await action(draft.id, 'publish', hr.cookie);
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).closesOn).toEqual([
      'The closing date has passed. Choose today or a later date to publish.',
    ]);
  });

  it('404 for anyone but HR, and for an unknown job', async () => {
    const draft = await createJob({ status: 'draft' });
    for (const viewer of [alumnus, employee, leaver]) {
      expect((await action(draft.id, 'publish', viewer.cookie)).status).toBe(404);
      expect((await action(draft.id, 'close', viewer.cookie)).status).toBe(404);
    }
    expect((await action(randomUUID(), 'publish', hr.cookie)).status).toBe(404);
    expect((await action(randomUUID(), 'close', hr.cookie)).status).toBe(404);
  });

  it('publish → listed and announced; close → gone at once; reopen; 409 when already so', async () => {
    const dept = mark('pub');
    const draft = await createJob({ status: 'draft', department: dept, audience: { preset: 'alumni' } });
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([]);
    const published = await action(draft.id, 'publish', hr.cookie);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'open', isListed: true });
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([draft.id]);
    const queued = await queuedAlerts(draft.id);
    if (queued !== null) expect(queued).toBe(1);
    expect((await action(draft.id, 'publish', hr.cookie)).status).toBe(409);

    const closed = await action(draft.id, 'close', admin.cookie);
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'closed', isListed: false });
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([]);
    expect((await get(`/api/jobs/${draft.id}`, alumnus.cookie)).status).toBe(404);
    expect((await action(draft.id, 'close', hr.cookie)).status).toBe(409);

    expect((await action(draft.id, 'publish', hr.cookie)).status).toBe(200);
    expect(idsIn(await listFor(alumnus.cookie, `?department=${dept}`))).toEqual([draft.id]);
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'job'), eq(auditEvents.subjectId, draft.id)))
      .orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual([
      'job.created',
      'job.published',
      'job.closed',
      'job.published',
    ]);
  });
});

describe('GET /api/admin/jobs', () => {
  it('401 without a session', async () => {
    expect((await get('/api/admin/jobs')).status).toBe(401);
  });

  it('400 for an unknown state, translated', async () => {
    const res = await get('/api/admin/jobs?status=archived', hr.cookie);
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).status?.[0]).toMatch(/^Must be one of: all, draft, open, expired, closed/);
  });

  it('404 for anyone but HR', async () => {
    for (const viewer of [alumnus, employee, leaver]) {
      expect((await get('/api/admin/jobs', viewer.cookie)).status).toBe(404);
    }
  });

  it('HR sees every job in every state, whoever its audience, with counts', async () => {
    const word = mark('adm');
    const someone = await createTestMember(t, { role: 'employee' });
    const made = [
      await createJob({ titleEn: `A ${word}`, status: 'draft' }),
      await createJob({ titleEn: `B ${word}`, audience: { preset: 'group', memberIds: [someone.id] } }),
      await createJob({ titleEn: `C ${word}`, audience: { preset: 'alumni' } }),
      await createJob({ titleEn: `D ${word}`, closesOn: '2026-11-25' }),
    ];
    await t.request(`/api/jobs/${made[2]?.id}/close`, { method: 'POST', cookie: hr.cookie });
    clock.set('2026-11-26T03:00:00Z');
    const res = await get(`/api/admin/jobs?q=${word}`, admin.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as AdminJobList;
    const byTitle = Object.fromEntries(body.items.map((j) => [j.titleEn?.[0], j]));
    expect(body.total).toBe(4);
    expect(byTitle.A).toMatchObject({ status: 'draft', expired: false });
    expect(byTitle.B).toMatchObject({
      status: 'open',
      expired: false,
      audience: { preset: 'group', memberCount: 1 },
    });
    expect(byTitle.C).toMatchObject({ status: 'closed', expired: false, audience: { preset: 'alumni' } });
    expect(byTitle.D).toMatchObject({ status: 'open', expired: true });
    expect(body.counts.all).toBe(
      body.counts.draft + body.counts.open + body.counts.expired + body.counts.closed,
    );
    const expired = (await (
      await get(`/api/admin/jobs?q=${word}&status=expired`, hr.cookie)
    ).json()) as AdminJobList;
    expect(expired.items.map((j) => j.titleEn)).toEqual([`D ${word}`]);
  });
});
