import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttributeRule, Audience, Classification } from '#common/access';
import type { Role } from '#common/roles';
import { jobAlertDeliveries, jobAlerts, mailMessages, profiles, users } from '#server/db/schema/index';
import { pick, rng } from '#server/demo/member-data';
import { findViewer } from '#server/features/members/members.service';
import { canView, type GovernedItem, type Viewer } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import { createTestMember } from '#tests/factories/index';
import { insertTestJob, type TestJob } from '#tests/factories/job-alerts';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { alertMatchesJob, matchJobToAlerts, runJobAlertDigest } from './job-alerts.matching';
import {
  alertCriteriaWhere,
  candidateOwners,
  matchingCriteriaValues,
  membersWhoMayViewWhere,
  normalizeJob,
} from './job-alerts.prefilter';

/**
 * The SQL prefilter against the reference rules (`alertMatchesJob`, `canView`) over generated
 * cases, and matching end to end against a brute-force run of the reference over every alert.
 */

failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const deps = () => ({ db: t.db, clock, env: t.env });

/** What members type, with the variants normalisation must fold (width, case, kana, spacing). */
const KEYWORDS = [
  'TypeScript',
  'ＴｙｐｅＳｃｒｉｐｔ',
  'typescript',
  'React',
  'react native',
  'プロダクト',
  'ぷろだくと',
  'ﾌﾟﾛﾀﾞｸﾄ',
  'manager product',
  'プロダクト  マネージャー',
  'エンジニア',
  'えんじにあ',
  'engineer',
  'Rust',
  'データ分析',
  'データ 分析',
  '営業',
  'sales',
  'COBOL',
  ' ',
];
const DEPARTMENTS = [
  '事業開発部',
  '事業開発',
  'Sales',
  'ＳＡＬＥＳ',
  'sales ',
  '技術開発本部',
  '営業部',
  'Engineering',
];
const LOCATIONS = [
  '東京',
  'Tokyo',
  '東京本社',
  '本社',
  '福岡',
  '大阪支社',
  '大阪',
  'Osaka',
  'ｏｓａｋａ',
  ' ',
];

type Criteria = { keywords: string[]; departments: string[]; locations: string[] };

function drawCriteria(r: () => number): Criteria {
  const some = (list: string[]) =>
    r() < 0.5 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, list)))];
  const c = { keywords: some(KEYWORDS), departments: some(DEPARTMENTS), locations: some(LOCATIONS) };
  return c.keywords.length + c.departments.length + c.locations.length > 0
    ? c
    : { ...c, keywords: ['React'] };
}

/** Jobs of several shapes: the same vocabulary, several languages, remote or not. */
const JOBS: Partial<TestJob>[] = [
  {},
  {
    titleJa: 'ソフトウェアエンジニア',
    titleEn: 'Software engineer',
    descriptionJa: 'TypeScript と React',
    descriptionEn: 'TypeScript, React Native',
    department: '技術開発本部',
    location: '東京',
    remote: 'remote',
    skills: ['TypeScript', 'React'],
  },
  {
    titleJa: '法人営業',
    titleEn: 'Sales',
    descriptionJa: null,
    descriptionEn: 'Enterprise sales',
    department: 'SALES',
    location: 'Osaka',
    remote: 'onsite',
    skills: [],
  },
  {
    titleJa: 'データアナリスト',
    titleEn: null,
    department: '事業開発部',
    location: '福岡',
    remote: 'hybrid',
  },
  {
    titleEn: 'Rust engineer',
    titleJa: null,
    department: 'Engineering',
    location: '大阪支社',
    skills: ['Rust'],
  },
];

describe('criteria in SQL', () => {
  it('selects exactly the alerts alertMatchesJob accepts, over generated alerts and jobs', async () => {
    const owner = await createTestMember(t, { canSignIn: false });
    const r = rng(4242);
    const alerts = Array.from({ length: 300 }, () => ({
      id: randomUUID(),
      userId: owner.id,
      frequency: 'instant' as const,
      active: r() < 0.9,
      ...drawCriteria(r),
    }));
    await t.db.insert(jobAlerts).values(alerts);
    for (const shape of JOBS) {
      const job = await insertTestJob(t, shape);
      const normalized = normalizeJob(job);
      const values = await matchingCriteriaValues(t.db, normalized);
      const selected = await t.db
        .select({ id: jobAlerts.id })
        .from(jobAlerts)
        .where(and(eq(jobAlerts.userId, owner.id), eq(jobAlerts.active, true), alertCriteriaWhere(values)));
      const expected = alerts.filter((a) => a.active && alertMatchesJob(a, job)).map((a) => a.id);
      expect(selected.map((s) => s.id).sort(), JSON.stringify(shape)).toEqual(expected.sort());
      // Not trivially: every job leaves some alerts out, and most find some.
      expect(expected.length).toBeLessThan(alerts.filter((a) => a.active).length);
    }
    await t.db.delete(jobAlerts).where(eq(jobAlerts.userId, owner.id));
  });
});

describe('candidateOwners over more alerts than one slice of job_alerts', () => {
  it('finds exactly the owners of the alerts alertMatchesJob accepts, across slice boundaries', async () => {
    const n = 10_500;
    // One member and one alert each, written in three statements; criteria picked by position.
    await t.db.execute(sql`insert into users (id, name, email, role)
      select 'slice-' || lpad(i::text, 6, '0'), 'Slice ' || i, 'slice-' || i || '@example.com', 'alumni'
      from generate_series(1, ${n}) i`);
    await t.db.execute(sql`insert into profiles (user_id, family_name, given_name, role, sort_name, search_name,
        search_members, search_employees, search_admins, grams_members, grams_employees, grams_admins)
      select 'slice-' || lpad(i::text, 6, '0'), 'Slice', i::text, 'alumni', 'slice', '', '', '', '', '{}', '{}', '{}'
      from generate_series(1, ${n}) i`);
    const k = sql.param(KEYWORDS);
    const d = sql.param(DEPARTMENTS);
    const l = sql.param(LOCATIONS);
    await t.db.execute(sql`insert into job_alerts (id, user_id, keywords, departments, locations, frequency, active)
      select 'slice-alert-' || lpad(i::text, 6, '0'), 'slice-' || lpad(i::text, 6, '0'),
        case when i % 2 = 0 then array[(${k}::text[])[1 + i % cardinality(${k}::text[])]] else '{}' end,
        case when i % 3 = 0 then array[(${d}::text[])[1 + i / 3 % cardinality(${d}::text[])]] else '{}' end,
        case when i % 2 = 1 or i % 5 = 0 then array[(${l}::text[])[1 + i / 2 % cardinality(${l}::text[])]] else '{}' end,
        'instant', i % 10 <> 7
      from generate_series(1, ${n}) i`);
    const alerts = await t.db.select().from(jobAlerts).where(sql`${jobAlerts.id} like 'slice-alert-%'`);
    expect(alerts).toHaveLength(n);
    for (const shape of JOBS) {
      const job = await insertTestJob(t, shape);
      const expected = new Set(
        alerts.filter((a) => a.active && alertMatchesJob(a, job)).map((a) => a.userId),
      );
      const found = await candidateOwners(t.db, { item: job, job: normalizeJob(job), now: clock.now() });
      const ours = found.filter((id) => id.startsWith('slice-'));
      expect(ours.sort(), JSON.stringify(shape)).toEqual([...expected].sort());
      expect(expected.size).toBeGreaterThan(0);
      expect(expected.size).toBeLessThan(n);
    }
    await t.db.delete(users).where(sql`${users.id} like 'slice-%'`);
  });
});

describe('visibility in SQL (membersWhoMayViewWhere)', () => {
  const ROLES: Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];
  const LEFT_ON = [null, '2026-05-24', '2026-05-25', '2026-05-31', '2024-02-29', '2026-11-24', '2027-01-31'];
  const EMPLOYERS = [
    null,
    '',
    '  ',
    'Rival KK',
    'ＲＩＶＡＬ\u3000ＫＫ',
    ' rival kk\t',
    'Friendly KK',
    'ÉCOLE Σ',
  ];
  const NOWS = [
    '2026-11-24T03:00:00Z',
    '2028-02-29T12:00:00Z',
    '2026-03-31T23:59:59Z',
    '2027-01-01T00:00:00Z',
  ];

  it('agrees with canView for every role, classification, audience and date; an employer rule only in code', async () => {
    const r = rng(99);
    const members: Viewer[] = [];
    const add = async (role: Role, leftOn: string | null, employer: string | null) => {
      const m = await createTestMember(t, {
        role,
        canSignIn: false,
        consents: null,
        profile: { leftOn, currentEmployer: employer },
      });
      const viewer = await findViewer({ db: t.db, userId: m.id });
      if (!viewer) throw new Error('no viewer');
      members.push(viewer);
    };
    for (const role of ROLES) for (const leftOn of LEFT_ON) await add(role, leftOn, pick(r, EMPLOYERS));
    for (const employer of EMPLOYERS) await add('alumni', '2020-03-31', employer);
    const ids = members.map((m) => m.id);
    const [named1, named2] = [ids[3] as string, ids[20] as string];

    const audiences: Audience[] = [
      {},
      { roles: ['alumni'] },
      { roles: ['employee', 'admin'] },
      { roles: [] },
      { memberIds: [named1, named2] },
      { roles: ['alumni'], memberIds: [named1] },
      { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 6 }] },
      { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'gte', value: 6 }] },
      { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 0 }] },
      { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'gte', value: 0 }] },
      {
        roles: ['alumni', 'leaver'],
        excludeWhen: [
          { attribute: 'monthsSinceLeft', op: 'gte', value: 30 },
          { attribute: 'monthsSinceLeft', op: 'lt', value: 2 },
        ],
      },
      { excludeWhen: [{ attribute: 'currentEmployer', op: 'in', value: ['rival kk', 'école σ', '  '] }] },
      {
        memberIds: [named1],
        excludeWhen: [
          { attribute: 'currentEmployer', op: 'in', value: ['Friendly KK'] },
          { attribute: 'monthsSinceLeft', op: 'lt', value: 12 },
        ],
      },
    ];
    const classifications: Classification[] = ['public', 'network', 'internal', 'confidential'];
    const items: GovernedItem[] = classifications.flatMap((classification) =>
      audiences.map((audience) => ({ classification, audience })),
    );
    items.push({ classification: 'internal', audience: { roles: ['employee'] }, ownerId: named2 });

    let compared = 0;
    for (const now of NOWS.map((n) => new Date(n))) {
      for (const item of items) {
        const rows = await t.db
          .select({ id: users.id })
          .from(users)
          .leftJoin(profiles, eq(profiles.userId, users.id))
          .where(and(inArray(users.id, ids), membersWhoMayViewWhere(item, now)));
        const inSql = new Set(rows.map((row) => row.id));
        const inCode = members.filter((m) => canView(m, item, now)).map((m) => m.id);
        // Never fewer than the policy: the matcher's own check can only drop members.
        expect(
          inCode.filter((id) => !inSql.has(id)),
          JSON.stringify({ now, item }),
        ).toEqual([]);
        // Exactly the policy once an employer rule (checked in code only) is set aside.
        const rules = item.audience.excludeWhen?.filter(
          (rule: AttributeRule) => rule.attribute !== 'currentEmployer',
        );
        const withoutEmployer = { ...item, audience: { ...item.audience, excludeWhen: rules } };
        const expected = members.filter((m) => canView(m, withoutEmployer, now)).map((m) => m.id);
        expect([...inSql].sort(), JSON.stringify({ now, item })).toEqual(expected.sort());
        compared += members.length;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });
});

describe('matchJobToAlerts end to end', () => {
  it('makes exactly the deliveries and mails of the reference rules over every alert; a re-run makes none', async () => {
    const r = rng(7);
    const roles: Role[] = ['alumni', 'alumni', 'alumni', 'employee', 'leaver', 'alumni_manager'];
    const owners: string[] = [];
    for (let i = 0; i < 40; i++) {
      const m = await createTestMember(t, {
        role: pick(r, roles),
        canSignIn: false,
        consents: r() < 0.6 ? ['directory', 'newsletter'] : ['directory'],
        profile: {
          leftOn: pick(r, [null, '2026-10-01', '2024-03-31']),
          currentEmployer: pick(r, [null, 'Rival KK', 'Other KK']),
        },
      });
      if (r() < 0.1) await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, m.id));
      owners.push(m.id);
      const count = Math.floor(r() * 4);
      if (count > 0) {
        await t.db.insert(jobAlerts).values(
          Array.from({ length: count }, () => ({
            id: randomUUID(),
            userId: m.id,
            frequency: r() < 0.6 ? ('instant' as const) : ('daily' as const),
            active: r() < 0.9,
            ...drawCriteria(r),
          })),
        );
      }
    }
    const alerts = await t.db.select().from(jobAlerts).where(inArray(jobAlerts.userId, owners));
    const viewers = new Map(
      await Promise.all(owners.map(async (id) => [id, await findViewer({ db: t.db, userId: id })] as const)),
    );
    const newsletter = new Set(
      (
        await t.db
          .select({ id: profiles.userId })
          .from(profiles)
          .where(and(inArray(profiles.userId, owners), sql`${profiles.consents} @> array['newsletter']`))
      ).map((p) => p.id),
    );
    const audiences: [Classification, Audience][] = [
      ['network', {}],
      ['internal', {}],
      ['public', { roles: ['alumni'], excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 6 }] }],
      ['network', { excludeWhen: [{ attribute: 'currentEmployer', op: 'in', value: ['ＲＩＶＡＬ KK'] }] }],
      ['confidential', { memberIds: owners.slice(0, 15) }],
    ];
    let total = 0;
    for (const [i, shape] of JOBS.entries()) {
      const [classification, audience] = audiences[i % audiences.length] as [Classification, Audience];
      const job = await insertTestJob(t, { ...shape, classification, audience });
      const now = clock.now();
      const expected = alerts.filter((a) => {
        const viewer = viewers.get(a.userId);
        return a.active && viewer && canView(viewer, job, now) && alertMatchesJob(a, job);
      });
      const mailedOwners = new Set(
        expected.filter((a) => a.frequency === 'instant' && newsletter.has(a.userId)).map((a) => a.userId),
      );
      // The prefilter's candidates hold every owner the reference alerts.
      const candidates = new Set(await candidateOwners(t.db, { item: job, job: normalizeJob(job), now }));
      expect(expected.filter((a) => !candidates.has(a.userId))).toEqual([]);

      const result = await matchJobToAlerts(deps(), { jobId: job.id });
      const made = await t.db
        .select({ alertId: jobAlertDeliveries.alertId, mailId: jobAlertDeliveries.mailId })
        .from(jobAlertDeliveries)
        .where(eq(jobAlertDeliveries.jobId, job.id));
      expect(made.map((d) => d.alertId).sort(), JSON.stringify({ classification, audience, shape })).toEqual(
        expected.map((a) => a.id).sort(),
      );
      expect(result).toEqual({ deliveries: expected.length, mailed: mailedOwners.size });
      const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, job.id));
      expect(mails.map((m) => m.userId).sort()).toEqual([...mailedOwners].sort());
      // Every delivery of a mailed member points at their one mail.
      for (const d of made) {
        const owner = alerts.find((a) => a.id === d.alertId)?.userId as string;
        expect(d.mailId).toBe(mails.find((m) => m.userId === owner)?.id ?? null);
      }
      expect(await matchJobToAlerts(deps(), { jobId: job.id })).toEqual({ deliveries: 0, mailed: 0 });
      total += expected.length;
    }
    expect(total).toBeGreaterThan(10);
  });
});

describe('many members: batches, and the event loop between them', () => {
  /** Members and their alerts straight into the tables (no search columns): enough for matching. */
  async function bulkMembers(n: number, keyword: string, frequency: 'instant' | 'daily') {
    const ids = Array.from({ length: n }, () => randomUUID());
    await t.db.insert(users).values(
      ids.map((id, i) => ({
        id,
        name: `Bulk ${i}`,
        email: `bulk-${id}@example.com`,
        role: 'alumni' as const,
      })),
    );
    await t.db.insert(profiles).values(
      ids.map((id, i) => ({
        userId: id,
        familyName: 'Bulk',
        givenName: String(i),
        role: 'alumni' as const,
        consents: ['newsletter' as const],
        sortName: `bulk ${i}`,
        searchName: '',
        searchMembers: '',
        searchEmployees: '',
        searchAdmins: '',
        gramsMembers: [],
        gramsEmployees: [],
        gramsAdmins: [],
      })),
    );
    await t.db
      .insert(jobAlerts)
      .values(ids.map((userId) => ({ id: randomUUID(), userId, keywords: [keyword], frequency })));
    return ids;
  }

  /** A job nobody else's alerts match (the other tests' alerts stay in the database). */
  const bulkJob = (keyword: string, titleEn = 'Bulk') =>
    insertTestJob(t, {
      titleJa: null,
      titleEn,
      descriptionJa: null,
      descriptionEn: null,
      department: 'Bulk',
      location: 'Naha',
      remote: 'onsite',
      skills: [keyword],
    });

  /** Runs `work`; says whether a timer set just before it fired before it finished. */
  async function timerFiredDuring(work: () => Promise<unknown>) {
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
    }, 0);
    await work();
    const during = fired;
    clearTimeout(timer);
    return during;
  }

  it('matching: every member of every batch; requests are served between batches', async () => {
    const ids = await bulkMembers(450, 'bulk-instant-kw', 'instant');
    const job = await bulkJob('bulk-instant-kw');
    let result = { deliveries: 0, mailed: 0 };
    const served = await timerFiredDuring(async () => {
      result = await matchJobToAlerts(deps(), { jobId: job.id });
    });
    expect(result).toEqual({ deliveries: ids.length, mailed: ids.length });
    expect(served).toBe(true);
    const mails = await t.db
      .select({ userId: mailMessages.userId })
      .from(mailMessages)
      .where(eq(mailMessages.subjectId, job.id));
    expect(new Set(mails.map((m) => m.userId))).toEqual(new Set(ids));
  });

  it('digest: one mail per member over several batches; requests are served between batches', async () => {
    const ids = await bulkMembers(450, 'bulk-daily-kw', 'daily');
    for (const titleEn of ['Bulk daily A', 'Bulk daily B']) {
      const job = await bulkJob('bulk-daily-kw', titleEn);
      await matchJobToAlerts(deps(), { jobId: job.id });
    }
    clock.advance(3_600_000);
    let result = { members: 0, mailed: 0 };
    const served = await timerFiredDuring(async () => {
      result = await runJobAlertDigest(deps());
    });
    expect(served).toBe(true);
    expect(result.members).toBeGreaterThanOrEqual(ids.length);
    const digests = await t.db
      .select({ userId: mailMessages.userId, subject: mailMessages.subject })
      .from(mailMessages)
      .where(and(inArray(mailMessages.userId, ids), eq(mailMessages.kind, 'job_alert_digest')));
    expect(digests).toHaveLength(ids.length);
    expect(new Set(digests.map((d) => d.userId)).size).toBe(ids.length);
    expect(digests.every((d) => d.subject.includes('2'))).toBe(true);
    expect(await runJobAlertDigest(deps())).toEqual({ members: 0, mailed: 0 });
  });
});
