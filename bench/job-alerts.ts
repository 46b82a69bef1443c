/**
 * Job-alert benchmark (`npm run bench:alerts`, decision 018): seeds 300,000 members of whom 20 %
 * keep 1–3 alerts (keywords, departments, locations in Japanese and English; instant and daily),
 * publishes jobs of several shapes and times `matchJobToAlerts` for each, then the daily digest
 * (`runJobAlertDigest`) — against, in the same run, one raw SQL statement doing the same
 * selection (the floor: what the database needs to find the matching alerts, or the digest's
 * pending jobs, with nothing written).
 *
 * Also measured, because on PGlite there is one connection and a transaction holds it: the number
 * and the longest of the transactions a run opens, and — in one extra run per job with a probe
 * (`select 1` every 10 ms, as a request would) — the longest a probe waited.
 *
 * Members are written straight into users/profiles (names, role, last day, employer, language,
 * consents from the member factories; the directory's search columns left empty): the matching
 * reads none of the search columns, and this seeds 300k members in well under a minute instead
 * of the full demo seed's ~4 minutes.
 *
 * Databases: PGlite in a temporary directory; PostgreSQL at BENCH_DATABASE_URL (else
 * DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), in a database created for the
 * run and dropped afterwards. Writes its table into bench/RESULTS.md between the
 * `bench:alerts:<label>` markers (the analysis around them is written by hand).
 *
 *   npm run bench:alerts -- [--members 300000] [--alert-share 0.2] [--runs 5] [--digest-runs 3]
 *     [--db pglite|postgres|both] [--label latest] [--no-write] [--keep] [--reuse <dir>] [--reuse <db>]
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Audience, Classification } from '#common/access';
import { todayIn } from '#common/dates';
import { JOB_ALERT_DIGEST_MAIL_KIND, JOB_ALERT_MAIL_KIND } from '#common/mail';
import { JOBS_TIME_ZONE } from '#common/rehiring-reference';
import { normalizeForSearch } from '#common/search-text';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { jobs } from '#server/db/schema/index';
import { fakeMember, pick, rng } from '#server/demo/member-data';

import { matchJobToAlerts, runJobAlertDigest } from '#server/features/job-alerts/job-alerts.matching';
import { candidateOwners, normalizeJob } from '#server/features/job-alerts/job-alerts.prefilter';
import { buildJobSearchText } from '#server/features/jobs/jobs.service';
import { CLASSIFICATION_ROLES, normalizeEmployer } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { benchKinds, benchMain, type DbKind, openBenchDatabase, revision, runBench } from './harness';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '300000' },
    'alert-share': { type: 'string', default: '0.2' },
    runs: { type: 'string', default: '5' },
    'digest-runs': { type: 'string', default: '3' },
    db: { type: 'string', default: 'both' },
    label: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
    // Keep the seeded databases (PGlite directory, PostgreSQL database; printed), or reuse them
    // (no seed; --reuse once for each): to measure code before and after a change on the same data.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string', multiple: true },
  },
});
const MEMBERS = Number(args.members);
const ALERT_SHARE = Number(args['alert-share']);
const RUNS = Number(args.runs);
const DIGEST_RUNS = Number(args['digest-runs']);
const LABEL = args.label ?? 'latest';
/** A kept PostgreSQL database is named kizuna_bench_…; anything else is a PGlite directory. */
const REUSE_POSTGRES = args.reuse?.find((r) => r.startsWith('kizuna_bench_')) ?? null;
const REUSE_PGLITE = args.reuse?.find((r) => !r.startsWith('kizuna_bench_')) ?? null;
if (!/^[a-z0-9-]+$/.test(LABEL)) throw new Error(`--label: letters, digits and dashes only: ${LABEL}`);
const NOW = '2026-11-24T03:00:00Z';
const clock = fixedClock(NOW);
const env = testEnv();

// ---- fake alerts --------------------------------------------------------------------------------

/** What people type: skills and roles in both languages (the same words as the fake profiles). */
const KEYWORDS = [
  'TypeScript',
  'React',
  'AWS',
  'Python',
  'Go',
  'Java',
  'Rust',
  'Kubernetes',
  'SRE',
  'SQL',
  'データ分析',
  'データサイエンティスト',
  '機械学習',
  'AI',
  'エンジニア',
  'engineer',
  'ソフトウェアエンジニア',
  'software engineer',
  'バックエンド',
  'フロントエンド',
  'backend',
  'frontend',
  'プロダクトマネージャー',
  'product manager',
  'Product Management',
  'プロジェクトマネージャー',
  '事業開発',
  '新規事業',
  'business development',
  '営業',
  '法人営業',
  'sales',
  'マーケティング',
  'marketing',
  'デジタルマーケティング',
  '人事',
  '採用',
  'HR',
  '経理',
  '財務',
  'finance',
  '法務',
  'legal',
  'コンサルタント',
  'consultant',
  'デザイナー',
  'UX',
  'リモート',
  'remote',
  'マネージャー',
  'manager',
  'セキュリティ',
  'security',
  'クラウド',
  'インフラ',
  'DevOps',
  'QA',
  'カスタマーサクセス',
  'customer success',
  '広報',
  '経営企画',
  'strategy',
  '物流',
  '品質管理',
  '研究開発',
  '組み込み',
  'embedded',
  'SAP',
  'Excel',
  'アジャイル',
  'スクラム',
  'iOS',
  'Android',
  'Flutter',
  'Node.js',
  'PostgreSQL',
];
/** The long tail: rare terms few alerts share. */
const RARE_KEYWORDS = [
  'COBOL',
  'Erlang',
  'Haskell',
  'Fortran',
  '量子コンピュータ',
  'ブロックチェーン',
  'GxP',
  '薬事',
  'IFRS',
  'M&A',
  '半導体',
  'FPGA',
  'Unity',
  'ゲーム',
  '医療機器',
  '知財',
  'ESG',
  'サステナビリティ',
];
const DEPARTMENTS = [
  '技術開発本部',
  'デジタル戦略本部',
  '営業部',
  '人事部',
  '財務部',
  '経営企画部',
  'マーケティング部',
  '製品開発部',
  'カスタマーサクセス部',
  '法務部',
  'コンサルティング本部',
  '情報システム部',
  '研究開発センター',
  '品質保証部',
  'Engineering',
  'Sales',
];
const LOCATIONS = [
  '東京',
  '東京',
  '東京',
  '大阪',
  '大阪',
  '名古屋',
  '福岡',
  '札幌',
  '横浜',
  '京都',
  '仙台',
  '神戸',
  'さいたま',
  'Tokyo',
  'Osaka',
  'Singapore',
  'London',
  '東京本社',
  '大阪支社',
];

/** ＦＵＬＬ-ＷＩＤＴＨ Latin, as some people type on a Japanese keyboard. */
const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) + 0xfee0));
const toHiragana = (s: string) =>
  s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0x60));

function keyword(r: () => number): string {
  const x = r();
  if (x < 0.04) return pick(r, RARE_KEYWORDS);
  if (x < 0.12) return `${pick(r, KEYWORDS)} ${pick(r, KEYWORDS)}`; // every word must occur
  const word = pick(r, KEYWORDS);
  const y = r();
  if (y < 0.05) return word.toUpperCase();
  if (y < 0.08) return fullWidth(word);
  if (y < 0.1) return toHiragana(word);
  if (y < 0.2) return word.toLowerCase();
  return word;
}

function some<T>(r: () => number, max: number, draw: () => T): T[] {
  const n = 1 + Math.floor(r() * r() * max);
  return [...new Set(Array.from({ length: n }, draw))];
}

function fakeAlert(r: () => number) {
  let keywords = r() < 0.7 ? some(r, 3, () => keyword(r)) : [];
  const departments = r() < 0.3 ? some(r, 2, () => pick(r, DEPARTMENTS)) : [];
  const locations = r() < 0.45 ? some(r, 2, () => pick(r, LOCATIONS)) : [];
  if (keywords.length + departments.length + locations.length === 0) keywords = [keyword(r)];
  return {
    keywords,
    departments,
    locations,
    frequency: r() < 0.6 ? 'instant' : 'daily',
    active: r() < 0.92,
  };
}

// ---- seed ---------------------------------------------------------------------------------------

const CHUNK = 5000;
/** As the demo seed draws them (only 'newsletter' matters here: mail). */
const CONSENT_SHARES = [
  ['directory', 0.9],
  ['newsletter', 0.7],
  ['events', 0.8],
] as const;

/** `insert into t (cols) select cols from json_populate_recordset(null::t, $1)`: one parameter. */
function jsonInsert(table: string, rows: Record<string, unknown>[]) {
  const columns = sql.raw(
    Object.keys(rows[0] ?? {})
      .map((c) => `"${c}"`)
      .join(', '),
  );
  const name = sql.raw(table);
  return sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${JSON.stringify(rows)}::json)`;
}

async function seed(db: Db, log: (m: string) => void) {
  const started = performance.now();
  const r = rng(20261124);
  const consentRandom = rng(7);
  const alertRandom = rng(11);
  let alerts = 0;
  let owners = 0;
  for (let start = 0; start < MEMBERS; start += CHUNK) {
    const userRows: Record<string, unknown>[] = [];
    const profileRows: Record<string, unknown>[] = [];
    const alertRows: Record<string, unknown>[] = [];
    for (let i = start + 1; i <= Math.min(MEMBERS, start + CHUNK); i++) {
      const m = fakeMember(r, i);
      const active = consentRandom() >= 0.01;
      const consents = CONSENT_SHARES.filter(([, share]) => consentRandom() < share).map(([p]) => p);
      const name = `${m.names.familyName} ${m.names.givenName}`;
      userRows.push({
        id: m.id,
        name,
        email: m.email,
        role: m.role,
        locale: m.locale,
        status: active ? 'active' : 'deactivated',
      });
      profileRows.push({
        user_id: m.id,
        family_name: m.names.familyName,
        given_name: m.names.givenName,
        family_name_kana: m.names.familyNameKana ?? null,
        given_name_kana: m.names.givenNameKana ?? null,
        left_on: m.profile?.leftOn ?? null,
        current_employer: m.profile?.currentEmployer ?? null,
        departments: m.profile?.departments ?? [],
        role: m.role,
        is_active: active,
        consents,
        sort_name: name.toLowerCase(),
        search_name: '',
        search_members: '',
        search_employees: '',
        search_admins: '',
        grams_members: [],
        grams_employees: [],
        grams_admins: [],
      });
      if (alertRandom() < ALERT_SHARE) {
        owners += 1;
        const n = 1 + Math.floor(alertRandom() * alertRandom() * 3.2);
        for (let k = 0; k < Math.min(3, n); k++) {
          const a = fakeAlert(alertRandom);
          alertRows.push({
            id: randomUUID(),
            user_id: m.id,
            keywords: a.keywords,
            departments: a.departments,
            locations: a.locations,
            frequency: a.frequency,
            active: a.active,
            created_at: '2026-11-01T00:00:00Z',
            updated_at: '2026-11-01T00:00:00Z',
          });
        }
      }
    }
    await db.execute(jsonInsert('users', userRows));
    await db.execute(jsonInsert('profiles', profileRows));
    if (alertRows.length > 0) await db.execute(jsonInsert('job_alerts', alertRows));
    alerts += alertRows.length;
    if ((start / CHUNK) % 10 === 9) log(`inserted ${start + CHUNK} members`);
  }
  await db.execute(sql`vacuum analyze`);
  return { ms: performance.now() - started, owners, alerts };
}

// ---- jobs ---------------------------------------------------------------------------------------

interface BenchJob {
  key: string;
  label: string;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  department: string;
  location: string;
  remote: 'onsite' | 'hybrid' | 'remote';
  skills: string[];
  classification: Classification;
  audience: Audience;
}

async function benchJobs(db: Db): Promise<BenchJob[]> {
  // The competitor rule names the three commonest employers of the seeded alumni (one full-width).
  const rivals = await queryRows<{ employer: string }>(
    db,
    sql`select current_employer as employer from profiles where current_employer is not null
        group by 1 order by count(*) desc, 1 limit 3`,
  );
  const employers = rivals.map((r, i) => (i === 0 ? fullWidth(r.employer) : r.employer));
  return [
    {
      key: 'narrow',
      label: 'narrow keyword (Rust, 仙台, onsite)',
      titleJa: '組み込みRustエンジニア（車載）',
      titleEn: 'Embedded Rust engineer (automotive)',
      descriptionJa: '車載ECUのファームウェアをRustで開発します。CAN通信の経験を歓迎します。',
      descriptionEn: 'Build automotive ECU firmware in Rust. CAN bus experience welcome.',
      department: '製品開発部',
      location: '仙台',
      remote: 'onsite',
      skills: ['Rust', 'CAN'],
      classification: 'network',
      audience: {},
    },
    {
      key: 'broad',
      label: 'broad (engineer, TypeScript/AWS/Python, remote)',
      titleJa: 'ソフトウェアエンジニア（フルリモート）',
      titleEn: 'Software Engineer (fully remote)',
      descriptionJa:
        'TypeScript・React・Node.jsでプロダクトを開発し、AWSとPostgreSQLで運用します。データ分析やSQLの経験、アジャイル・スクラムでの開発経験を歓迎します。マネージャー候補も募集。',
      descriptionEn:
        'Build our product with TypeScript, React and Node.js and run it on AWS and PostgreSQL. Data analysis, SQL, Python and agile/scrum experience welcome; manager track available.',
      department: '技術開発本部',
      location: '東京',
      remote: 'remote',
      skills: ['TypeScript', 'React', 'AWS', 'Python', 'SQL'],
      classification: 'network',
      audience: {},
    },
    {
      key: 'internal',
      label: 'internal only (経理・財務, 大阪)',
      titleJa: '経理・財務スタッフ（社内公募）',
      titleEn: 'Accounting and finance (internal posting)',
      descriptionJa: '月次・年次決算と予算管理を担当します。Excelと会計システム（SAP）の経験を歓迎します。',
      descriptionEn: 'Monthly and annual closing, budgeting. Excel and SAP experience welcome.',
      department: '財務部',
      location: '大阪支社',
      remote: 'hybrid',
      skills: ['経理', '財務', 'Excel', 'SAP'],
      classification: 'internal',
      audience: {},
    },
    {
      key: 'alumni-guarded',
      label: 'alumni only, cooling-off 6 months + 3 competitors (PM, 東京)',
      titleJa: 'プロダクトマネージャー（アルムナイ採用）',
      titleEn: 'Product Manager (alumni rehiring)',
      descriptionJa: '法人向けSaaSのプロダクトマネージャー。事業開発やコンサルタントの経験を歓迎します。',
      descriptionEn:
        'Product manager for our B2B SaaS. Business development or consulting experience welcome.',
      department: 'デジタル戦略本部',
      location: '東京',
      remote: 'hybrid',
      skills: ['Product Management', 'データ分析', '事業開発'],
      classification: 'network',
      audience: {
        roles: ['alumni'],
        excludeWhen: [
          { attribute: 'monthsSinceLeft', op: 'lt', value: 6 },
          { attribute: 'currentEmployer', op: 'in', value: employers },
        ],
      },
    },
  ];
}

async function insertJob(db: Db, job: BenchJob): Promise<string> {
  const id = randomUUID();
  await db.insert(jobs).values({
    id,
    titleJa: job.titleJa,
    titleEn: job.titleEn,
    descriptionJa: job.descriptionJa,
    descriptionEn: job.descriptionEn,
    department: job.department,
    location: job.location,
    remote: job.remote,
    employmentType: 'full_time',
    skills: job.skills,
    closesOn: '2026-12-31',
    status: 'open',
    classification: job.classification,
    audience: job.audience,
    searchText: buildJobSearchText({ ...job, skills: job.skills }),
    publishedAt: new Date(NOW),
  });
  return id;
}

// ---- the raw statements (the floor) -------------------------------------------------------------

const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join(
  '',
);
const HIRAGANA = toHiragana(KATAKANA);
/** normalizeForSearch in SQL: NFKC, lower case, katakana → hiragana, runs of spaces → one, trimmed. */
const norm = (x: string) =>
  `btrim(regexp_replace(translate(lower(normalize(${x}, NFKC)), '${KATAKANA}', '${HIRAGANA}'), '\\s+', ' ', 'g'))`;

/**
 * One statement: the (alert, member) pairs matching the job, criteria and visibility all in SQL
 * (alert keywords normalised on the fly; the job's text, department and location as parameters).
 */
function rawMatch(job: BenchJob, now: Date) {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const text = param(buildJobSearchText({ ...job, skills: job.skills }));
  const department = param(normalizeForSearch(job.department));
  const location = param(normalizeForSearch(job.location));
  const ids = job.audience.memberIds ?? [];
  const roles = CLASSIFICATION_ROLES[job.classification].filter(
    (role) => !job.audience.roles || job.audience.roles.includes(role),
  );
  const granted =
    job.classification === 'confidential'
      ? `u.id = any(${param(ids)}::text[])`
      : `u.role = any(${param(roles)}::text[])${ids.length > 0 ? ` and u.id = any(${param(ids)}::text[])` : ''}`;
  const [Y, M, D] = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  const months = `greatest(0, (${Y} - extract(year from p.left_on)::int) * 12 + (${M} - extract(month from p.left_on)::int) - case when ${D} < extract(day from p.left_on)::int then 1 else 0 end)`;
  const excluded = (job.audience.excludeWhen ?? []).map((rule) =>
    rule.attribute === 'monthsSinceLeft'
      ? `coalesce(${months} ${rule.op === 'lt' ? '<' : '>='} ${rule.value}, false)`
      : `coalesce(lower(btrim(normalize(p.current_employer, NFKC))) = any(${param(rule.value.map(normalizeEmployer))}::text[]), false)`,
  );
  const query = `
    select a.id, a.user_id, a.frequency
    from job_alerts a
    join users u on u.id = a.user_id
    left join profiles p on p.user_id = u.id
    where a.active and u.status = 'active'
      and ${granted} ${excluded.map((e) => `and not ${e}`).join(' ')}
      and (cardinality(a.keywords) = 0 or exists (
        select 1 from unnest(a.keywords) k cross join lateral (select ${norm('k')} as n) x
        where x.n <> '' and not exists (
          select 1 from unnest(string_to_array(x.n, ' ')) w where strpos(${text}, w) = 0)))
      and (cardinality(a.departments) = 0 or exists (
        select 1 from unnest(a.departments) d where ${norm('d')} = ${department}))
      and (${job.remote === 'remote'} or cardinality(a.locations) = 0 or exists (
        select 1 from unnest(a.locations) l cross join lateral (select ${norm('l')} as n) x
        where x.n <> '' and ${location} <> '' and (strpos(${location}, x.n) > 0 or strpos(x.n, ${location}) > 0)))`;
  return { text: query, params };
}

/** One statement: per member, the jobs the digest would list (listed, unmailed, consenting). */
function rawDigest(now: Date) {
  return {
    text: `
    select d.user_id, array_agg(distinct d.job_id) as jobs
    from job_alert_deliveries d
    join job_alerts a on a.id = d.alert_id
    join jobs j on j.id = d.job_id
    join users u on u.id = d.user_id
    join profiles p on p.user_id = u.id
    where a.active and a.frequency = 'daily' and d.mail_id is null
      and d.created_at > coalesce(a.last_digest_at, '-infinity'::timestamptz) and d.created_at <= $1
      and j.status = 'open' and j.closes_on >= $2
      and u.status = 'active' and p.consents @> array['newsletter']
      and not exists (select 1 from job_alert_deliveries d2
                      where d2.user_id = d.user_id and d2.job_id = d.job_id and d2.mail_id is not null)
    group by d.user_id`,
    params: [now.toISOString(), todayIn(JOBS_TIME_ZONE, now)],
  };
}

// ---- measuring ----------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};

/** The db, with every `transaction()` timed (the time it holds PGlite's one connection). */
function timedDb(db: Db) {
  const txMs: number[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return async (...fnArgs: Parameters<Db['transaction']>) => {
          const started = performance.now();
          try {
            return await target.transaction(...fnArgs);
          } finally {
            txMs.push(performance.now() - started);
          }
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy as Db, txMs };
}

/**
 * Runs `work` while a probe plays a request arriving every 10 ms: the time from its arrival (the
 * timer's due time) to its `select 1` answered. Returns the longest. On PGlite this counts both
 * waits: the connection held by a transaction, and the event loop held by an await chain that
 * never does real I/O (timers and sockets are served only when it yields).
 */
async function withProbe(db: Db, work: () => Promise<unknown>): Promise<number> {
  let running = true;
  let longest = 0;
  const probe = (async () => {
    while (running) {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      await db.execute(sql`select 1`);
      longest = Math.max(longest, performance.now() - due);
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await probe;
  }
  return longest;
}

interface Run {
  ms: number;
  tx: number;
  txMax: number;
}
interface JobResult {
  job: BenchJob;
  rawRows: number;
  deliveries: number;
  mailed: number;
  runs: Run[];
  probeMs: number;
  raw: number[];
  narrowing: number[];
  candidates: number;
}
interface DigestResult {
  members: number;
  mailed: number;
  runs: Run[];
  probeMs: number;
  rawMembers: number;
  raw: number[];
}
interface DbResult {
  name: string;
  version: string;
  seed: { ms: number; owners: number; alerts: number; members: number } | null;
  jobs: JobResult[];
  digest: DigestResult;
  loads: number[];
}

async function resetJob(db: Db, jobId: string) {
  await db.execute(
    sql`delete from mail_messages where kind = ${JOB_ALERT_MAIL_KIND} and subject_id = ${jobId}`,
  );
  await db.execute(sql`delete from job_alert_deliveries where job_id = ${jobId}`);
}

async function resetDigest(db: Db) {
  await db.execute(sql`with gone as (delete from mail_messages where kind = ${JOB_ALERT_DIGEST_MAIL_KIND} returning id)
    update job_alert_deliveries set mail_id = null, mailed_at = null where mail_id in (select id from gone)`);
  await db.execute(sql`update job_alerts set last_digest_at = null where last_digest_at is not null`);
}

async function benchDatabase(kind: DbKind, database: Database): Promise<DbResult> {
  const { db } = database;
  const log = (message: string) => process.stdout.write(`  [${kind}] ${message}\n`);
  const loads = [loadavg()[0] ?? 0];
  let seeded: DbResult['seed'] = null;
  if (kind === 'pglite' ? REUSE_PGLITE : REUSE_POSTGRES) {
    log('reusing the seeded data; clearing deliveries, alert mail and jobs of earlier runs');
    await db.execute(
      sql`delete from mail_messages where kind in (${JOB_ALERT_MAIL_KIND}, ${JOB_ALERT_DIGEST_MAIL_KIND})`,
    );
    await db.execute(sql`delete from jobs`);
    await db.execute(sql`update job_alerts set last_digest_at = null`);
    // As a fresh seed leaves it: no dead rows from the earlier run, statistics as after loading.
    await db.execute(sql`vacuum analyze`);
  } else {
    await applyMigrations(database);
    log(`seeding ${MEMBERS.toLocaleString('en')} members`);
    const s = await seed(db, log);
    seeded = { ...s, members: MEMBERS };
    log(`seeded in ${(s.ms / 1000).toFixed(1)} s: ${s.owners} members with ${s.alerts} alerts`);
  }
  const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(db, sql`select version()`);
  const [counts] = await queryRows<{ members: number; alerts: number; active: number; owners: number }>(
    db,
    sql`select (select count(*)::int from users) as members, (select count(*)::int from job_alerts) as alerts,
          (select count(*)::int from job_alerts where active) as active,
          (select count(distinct user_id)::int from job_alerts) as owners`,
  );
  if (!seeded && counts)
    seeded = { ms: Number.NaN, owners: counts.owners, alerts: counts.alerts, members: counts.members };
  log(`${JSON.stringify(counts)}`);

  const now = clock.now();
  const results: JobResult[] = [];
  for (const job of await benchJobs(db)) {
    const jobId = await insertJob(db, job);
    const raw = rawMatch(job, now);
    const rawSamples: number[] = [];
    let rawRows = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      rawRows = (await database.raw.query(raw.text, raw.params)).rows.length;
      rawSamples.push(performance.now() - started);
    }
    // The matcher's own narrowing (criteria values, owners, visibility): what it reads before
    // its batches.
    const narrowing: number[] = [];
    let candidates = 0;
    const matchable = { searchText: raw.params[0] as string, ...job };
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      candidates = (await candidateOwners(db, { item: job, job: normalizeJob(matchable), now })).length;
      narrowing.push(performance.now() - started);
    }
    const runs: Run[] = [];
    let outcome = { deliveries: 0, mailed: 0 };
    for (let i = 0; i < RUNS; i++) {
      await resetJob(db, jobId);
      const timed = timedDb(db);
      const started = performance.now();
      outcome = await matchJobToAlerts({ db: timed.db, clock, env }, { jobId });
      runs.push({
        ms: performance.now() - started,
        tx: timed.txMs.length,
        txMax: Math.max(0, ...timed.txMs),
      });
      loads.push(loadavg()[0] ?? 0);
    }
    await resetJob(db, jobId);
    const probeMs = await withProbe(db, () => matchJobToAlerts({ db, clock, env }, { jobId }));
    const result = { job, rawRows, ...outcome, runs, probeMs, raw: rawSamples, narrowing, candidates };
    results.push(result);
    log(
      `${job.key}: ${outcome.deliveries} deliveries (raw SQL ${rawRows}${rawRows === outcome.deliveries ? '' : ' ≠ !'}), ${outcome.mailed} mails; match ${runs.map((r) => Math.round(r.ms)).join(', ')} ms; raw ${rawSamples.map(Math.round).join(', ')} ms; narrowing ${narrowing.map(Math.round).join(', ')} ms (${candidates} members); ${runs[0]?.tx} tx, longest ${Math.round(Math.max(...runs.map((r) => r.txMax)))} ms; probe waited ≤ ${Math.round(probeMs)} ms`,
    );
  }

  // The digest: every job's daily deliveries of the last run are waiting.
  const rawD = rawDigest(now);
  const rawDigestSamples: number[] = [];
  let rawMembers = 0;
  for (let i = 0; i < DIGEST_RUNS; i++) {
    const started = performance.now();
    rawMembers = (await database.raw.query(rawD.text, rawD.params)).rows.length;
    rawDigestSamples.push(performance.now() - started);
  }
  const digestRuns: Run[] = [];
  let digestOutcome = { members: 0, mailed: 0 };
  for (let i = 0; i < DIGEST_RUNS; i++) {
    await resetDigest(db);
    const timed = timedDb(db);
    const started = performance.now();
    digestOutcome = await runJobAlertDigest({ db: timed.db, clock, env });
    digestRuns.push({
      ms: performance.now() - started,
      tx: timed.txMs.length,
      txMax: Math.max(0, ...timed.txMs),
    });
    loads.push(loadavg()[0] ?? 0);
  }
  await resetDigest(db);
  const digestProbe = await withProbe(db, () => runJobAlertDigest({ db, clock, env }));
  log(
    `digest: ${digestOutcome.members} members, ${digestOutcome.mailed} mails (raw SQL ${rawMembers} members); ${digestRuns.map((r) => Math.round(r.ms)).join(', ')} ms; raw ${rawDigestSamples.map(Math.round).join(', ')} ms; ${digestRuns[0]?.tx} tx, longest ${Math.round(Math.max(...digestRuns.map((r) => r.txMax)))} ms; probe waited ≤ ${Math.round(digestProbe)} ms`,
  );
  return {
    name: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    version: version.split(' on ')[0] ?? version,
    seed: seeded,
    jobs: results,
    digest: {
      ...digestOutcome,
      runs: digestRuns,
      probeMs: digestProbe,
      rawMembers,
      raw: rawDigestSamples,
    },
    loads,
  };
}

// ---- report -------------------------------------------------------------------------------------

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

function report(results: DbResult[]): string {
  const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const allLoads = results.flatMap((r) => r.loads);
  const parts = [
    `Run: ${new Date().toISOString().slice(0, 10)} · code ${revision()} · ${machine} · load average (1 min) ${Math.min(...allLoads).toFixed(1)}–${Math.max(...allLoads).toFixed(1)} · medians of ${RUNS} runs per job (digest: ${DIGEST_RUNS}), each from no deliveries.`,
    '',
    'match = `matchJobToAlerts` with mail (queued in the outbox, not sent); tx = transactions it opens, longest = the longest of them (PGlite: the time no request can run); probe = during one more run, the longest a request arriving every 10 ms (a timer, then `select 1`) waited from its arrival to its answer — on PGlite the event loop as well as the connection; raw SQL = one statement selecting the same (alert, member) pairs — criteria (alert keywords normalised in SQL) and visibility in SQL — or, for the digest, the same members and jobs, nothing written; narrowing = `candidateOwners`, the statements the matcher runs before its batches, and how many members they leave.',
  ];
  for (const r of results) {
    const seed = r.seed;
    parts.push(
      '',
      `### ${r.name} — ${r.version}`,
      '',
      seed
        ? `${seed.members.toLocaleString('en')} members; ${seed.owners.toLocaleString('en')} of them with ${seed.alerts.toLocaleString('en')} alerts${Number.isNaN(seed.ms) ? ' (reused database)' : `; seeded in ${(seed.ms / 1000).toFixed(1)} s`}.`
        : '',
      '',
      '| job | deliveries | mails | match | runs | tx | longest tx | probe wait | raw SQL | match ÷ raw | narrowing (members) |',
      '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...r.jobs.map((j) => {
        const m = median(j.runs.map((x) => x.ms));
        const raw = median(j.raw);
        const txMax = Math.max(...j.runs.map((x) => x.txMax));
        const check = j.rawRows === j.deliveries ? '' : ` (raw: ${j.rawRows})`;
        return `| ${j.job.label} | ${j.deliveries.toLocaleString('en')}${check} | ${j.mailed.toLocaleString('en')} | ${ms(m)} | ${j.runs.map((x) => ms(x.ms)).join(', ')} | ${j.runs[0]?.tx ?? 0} | ${ms(txMax)} | ${ms(j.probeMs)} | ${ms(raw)} | ${(m / raw).toFixed(1)}× | ${ms(median(j.narrowing))} (${j.candidates.toLocaleString('en')}) |`;
      }),
      (() => {
        const d = r.digest;
        const m = median(d.runs.map((x) => x.ms));
        const raw = median(d.raw);
        const txMax = Math.max(...d.runs.map((x) => x.txMax));
        return `| **daily digest** (members / mails; raw: members) | ${d.members.toLocaleString('en')} | ${d.mailed.toLocaleString('en')} (raw ${d.rawMembers.toLocaleString('en')}) | ${ms(m)} | ${d.runs.map((x) => ms(x.ms)).join(', ')} | ${d.runs[0]?.tx ?? 0} | ${ms(txMax)} | ${ms(d.probeMs)} | ${ms(raw)} | ${(m / raw).toFixed(1)}× | – |`;
      })(),
    );
  }
  return parts.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) =>
      openBenchDatabase(kind, {
        poolSize: 4,
        keep: args.keep,
        reuse: kind === 'pglite' ? REUSE_PGLITE : REUSE_POSTGRES,
        tmpPrefix: 'kizuna-bench-alerts-',
      }),
    run: benchDatabase,
    report,
    write: !args['no-write'],
    marker: `bench:alerts:${LABEL}`,
    heading: `## Job alerts (${LABEL})`,
  }),
);
