/**
 * Directory benchmark (`npm run bench`): seeds a fresh database with 300,000 members, then times
 * the search API end to end (`createApp().request`: session, viewer, limits, search, presenter,
 * JSON) against the same SQL sent raw to the driver, and the facets endpoint likewise.
 *
 * Databases: PGlite in a temporary directory, and — when DATABASE_URL is set — a database created
 * for the run on that server and dropped at the end. Writes the tables into bench/RESULTS.md
 * (between the `bench:results` markers; the analysis around them is written by hand).
 *
 *   npm run bench -- [--members 300000] [--runs 30] [--db pglite|postgres|both] [--explain]
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { type DirectoryQuery, DirectoryQuerySchema } from '#common/directory';
import type { Role } from '#common/roles';
import { createApp } from '#server/app';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { seedDemo } from '#server/demo/seed';
import { directoryFacets, searchDirectory } from '#server/features/directory/directory.service';
import { findViewer, getVisibilityLimits } from '#server/features/members/members.service';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMemoryMailer } from '#server/lib/mail';
import { createQueue } from '#server/lib/queue';
import { createTestMember, signIn } from '#tests/factories/index';
import { requestAs } from '#tests/setup';
import { benchKinds, benchMain, openBenchDatabase, revision, runBench } from './harness';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '300000' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    db: { type: 'string', default: 'both' },
    explain: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    // PostgreSQL only: keep the seeded database (its name is printed), or reuse a kept one
    // (no migration, no seed) — to re-measure when the machine is quieter.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const MEMBERS = Number(args.members);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const NOW = '2026-11-24T03:00:00Z';
const TODAY = NOW.slice(0, 10);
/** The target on PostgreSQL (docs: the directory must feel instant at 300k members). */
const TARGET_P95_MS = 30;
const TARGET_RATIO = 1.5;

type ViewerKind = 'alumni' | 'hr';
interface BenchQuery {
  label: string;
  viewer: ViewerKind;
  params: string;
}

const QUERIES: BenchQuery[] = [
  // The landing page: no text, no filters (the most frequent request of all).
  { label: 'landing page', viewer: 'alumni', params: '' },
  { label: '2-kanji surname', viewer: 'alumni', params: 'q=田中' },
  { label: 'romaji name', viewer: 'alumni', params: 'q=tanaka' },
  { label: 'katakana title', viewer: 'alumni', params: 'q=エンジニア' },
  { label: 'skill filter', viewer: 'alumni', params: 'skill=TypeScript' },
  { label: 'filters, no text', viewer: 'alumni', params: 'country=JP&industry=it&availability=mentoring' },
  { label: '1-kanji surname', viewer: 'alumni', params: 'q=林' },
  { label: 'katakana title, page 10', viewer: 'alumni', params: 'q=エンジニア&page=10' },
  { label: 'surname and title', viewer: 'alumni', params: 'q=田中 エンジニア' },
  // Past the ~6,300 name hits (20 a page): a count of the name hits, then the rest in name order.
  { label: 'romaji name, past the name hits', viewer: 'alumni', params: 'q=tanaka&page=330' },
  { label: '2-kanji surname', viewer: 'hr', params: 'q=田中' },
  { label: 'romaji name', viewer: 'hr', params: 'q=tanaka' },
  { label: 'filters, no text', viewer: 'hr', params: 'country=JP&industry=it&availability=mentoring' },
];

interface Stats {
  p50: number;
  p95: number;
}
interface Row {
  query: BenchQuery;
  total: number;
  api: Stats;
  raw: Stats;
  facetsApi: Stats;
  facetsRaw: Stats;
}
interface DbResult {
  name: string;
  version: string;
  seedMs: number;
  seeded: number;
  rows: Row[];
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The Cookie header after applying a response's Set-Cookie headers (name=value pairs only). */
function updateCookies(cookie: string, res: Response): string {
  const pair = (c: string) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const;
  const jar = new Map(cookie.split('; ').map(pair));
  for (const header of res.headers.getSetCookie()) {
    const [name, value] = pair(header.split(';')[0] ?? '');
    if (value === '' || /max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** A pg.Pool or PGlite: both answer `query(text, params)`. */
type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
const rawClient = (db: Db) =>
  (db as unknown as { $client: PGlite | pg.Pool }).$client as unknown as RawClient;

/** Records the SQL a service sends through `db.execute` (count and facets queries). */
function recordingDb(db: Db, dialect: PgDialect) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (query: SQL) => {
          seen.push(dialect.sqlToQuery(query));
          return target.execute(query);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy, seen };
}

async function benchDatabase(kind: 'pglite' | 'postgres', database: Database): Promise<DbResult> {
  const { db } = database;
  const log = (message: string) => process.stdout.write(`  [${kind}] ${message}\n`);
  let seeded: { members: number; ms: number };
  if (kind === 'postgres' && args.reuse) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from profiles`);
    seeded = { members: Number(row?.n ?? 0), ms: Number.NaN };
    log(`reusing ${seeded.members.toLocaleString('en')} members`);
  } else {
    await applyMigrations(database);
    log(`seeding ${MEMBERS.toLocaleString('en')} members`);
    seeded = await seedDemo({ db, members: MEMBERS, log });
    log(`seeded ${seeded.members.toLocaleString('en')} in ${(seeded.ms / 1000).toFixed(1)} s`);
  }
  // seedDemo ends with VACUUM ANALYZE; an explicit ANALYZE keeps the benchmark honest on its own.
  await db.execute(sql`analyze`);
  const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(db, sql`select version()`);

  // The queue is registered but never started: the directory sends no jobs.
  const queue = createQueue({ raw: database.raw, logger: createLogger('silent'), workers: false });
  const app = createApp({ db, env: testEnv(), clock: fixedClock(NOW), mailer: createMemoryMailer(), queue });
  const request = requestAs(app);
  const t = { db, request };
  const viewers = {} as Record<ViewerKind, { id: string; cookie: string }>;
  for (const [kind, role] of [
    ['alumni', 'alumni'],
    ['hr', 'alumni_manager'],
  ] as const satisfies readonly (readonly [ViewerKind, Role])[]) {
    // An explicit profile: the seed already uses the factory's default employee numbers.
    const member = await createTestMember(t, {
      role,
      profile: {
        departments: ['人事部'],
        country: 'JP',
        employeeNumber: `BENCH-${kind}-${randomBytes(3).toString('hex')}`,
      },
    });
    viewers[kind] = { id: member.id, cookie: await signIn(t, member.email) };
  }

  const client = rawClient(db);
  const dialect = new PgDialect();
  const limits = await getVisibilityLimits({ db });
  const rows: Row[] = [];
  for (const query of QUERIES) {
    const viewer = viewers[query.viewer];
    const policyViewer = await findViewer({ db, userId: viewer.id });
    if (!policyViewer) throw new Error('bench viewer not found');
    const parsed: DirectoryQuery = DirectoryQuerySchema.parse(
      Object.fromEntries(new URLSearchParams(query.params)),
    );
    const ctx = { viewer: policyViewer, limits };

    // The exact SQL the service sends: the page query from its builder; anything else the search
    // runs (a count, in earlier versions) and the facets query recorded on their way to the driver.
    const searchRecorder = recordingDb(db, dialect);
    await searchDirectory({ db: searchRecorder.db, ...ctx, query: parsed, today: TODAY });
    const facetsRecorder = recordingDb(db, dialect);
    await directoryFacets({ db: facetsRecorder.db, ...ctx, query: parsed, today: TODAY });
    // Every statement of the search goes through `db.execute` (one, or two for the relevance
    // order when the page reaches past the name hits); replayed in order, as the service runs them.
    const searchSql = searchRecorder.seen;
    if (searchSql.length === 0) throw new Error('search SQL not captured');
    const facetsSql = facetsRecorder.seen;
    if (facetsSql.length === 0) throw new Error('facets SQL not captured');

    const api = async (path: string) => {
      const res = await request(`${path}?${query.params}`, { cookie: viewer.cookie });
      if (res.status !== 200) throw new Error(`${path}?${query.params}: ${res.status} ${await res.text()}`);
      // Keep the cookies the server refreshes (better-auth's 60-second session cache), as a browser does.
      viewer.cookie = updateCookies(viewer.cookie, res);
      return res.json();
    };
    const rawSearch = async () => {
      const results = [];
      for (const q of searchSql) results.push(await client.query(q.sql, q.params));
      return [{ rows: results.flatMap((r) => r.rows) }];
    };
    const rawFacets = () => Promise.all(facetsSql.map((q) => client.query(q.sql, q.params)));

    const body = (await api('/api/directory')) as { items: unknown[]; total?: number };
    const facetsBody = (await api('/api/directory/facets')) as { total?: number };
    const [rawPage] = await rawSearch();
    if (!rawPage || rawPage.rows.length < body.items.length) {
      throw new Error(`${query.params}: API and raw SQL disagree`);
    }
    const total = facetsBody.total ?? body.total ?? Number.NaN;

    const samples = {
      api: [] as number[],
      raw: [] as number[],
      facetsApi: [] as number[],
      facetsRaw: [] as number[],
    };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const measured = i >= WARMUP;
      const a = await time(() => api('/api/directory'));
      const r = await time(rawSearch);
      const fa = await time(() => api('/api/directory/facets'));
      const fr = await time(rawFacets);
      if (measured) {
        samples.api.push(a);
        samples.raw.push(r);
        samples.facetsApi.push(fa);
        samples.facetsRaw.push(fr);
      }
    }
    const row: Row = {
      query,
      total,
      api: stats(samples.api),
      raw: stats(samples.raw),
      facetsApi: stats(samples.facetsApi),
      facetsRaw: stats(samples.facetsRaw),
    };
    rows.push(row);
    log(
      `${query.viewer.padEnd(6)} ${query.params.padEnd(48)} api p95 ${row.api.p95.toFixed(1)} ms, raw p95 ${row.raw.p95.toFixed(1)} ms`,
    );
    if (args.explain) {
      for (const [what, q] of [
        ...searchSql.map((q, i) => [i === 0 ? 'page' : `search ${i}`, q] as const),
        ...facetsSql.map((q) => ['facets', q] as const),
      ]) {
        const plan = await client.query(`explain (analyze, buffers) ${q.sql}`, q.params);
        const text = (plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
        process.stdout.write(`\n--- ${kind} ${query.viewer} ${query.params} (${what}) ---\n${text}\n`);
      }
    }
  }
  return {
    name: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    version,
    seedMs: seeded.ms,
    seeded: seeded.members,
    rows,
  };
}

const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function table(result: DbResult, isTarget: boolean): string {
  const lines = [
    `| viewer | query | matches | API p50 | API p95 | raw p50 | raw p95 | API/raw p50 | API/raw p95 | facets API p50 / p95 | facets raw p50 / p95 |${isTarget ? ' target |' : ''}`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|${isTarget ? '---|' : ''}`,
  ];
  for (const r of result.rows) {
    const ok = r.api.p95 <= TARGET_P95_MS && r.api.p95 <= TARGET_RATIO * r.raw.p95;
    lines.push(
      `| ${r.query.viewer} | ${r.query.params ? `\`${r.query.params}\`` : '(landing: no text, no filters)'} | ${r.total.toLocaleString('en')} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${ratio(r.api.p50, r.raw.p50)} | ${ratio(r.api.p95, r.raw.p95)} | ${ms(r.facetsApi.p50)} / ${ms(r.facetsApi.p95)} | ${ms(r.facetsRaw.p50)} / ${ms(r.facetsRaw.p95)} |${isTarget ? (ok ? ' ✅ |' : ' ❌ |') : ''}`,
    );
  }
  return lines.join('\n');
}

function report(results: DbResult[]): string {
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
  const parts = [
    `Run: ${new Date().toISOString().slice(0, 10)} · code ${revision()} · ${machine} · ${MEMBERS.toLocaleString('en')} seeded members · ${WARMUP} warm-up + ${RUNS} timed runs per query · times in ms.`,
    '',
    'API = `GET /api/directory?…` through `createApp().request()` (session lookup, viewer, visibility limits, search SQL, presenter, JSON). Raw = the same search SQL (text and parameters) sent straight to the driver. Facets = `GET /api/directory/facets` vs its SQL. Matches = the exact total from the facets.',
  ];
  for (const result of results) {
    parts.push(
      '',
      `### ${result.name} — ${result.version.split(' on ')[0]}`,
      '',
      Number.isNaN(result.seedMs)
        ? `Seed: reused a database seeded by an earlier run (${result.seeded.toLocaleString('en')} profiles).`
        : `Seed: ${result.seeded.toLocaleString('en')} members in ${(result.seedMs / 1000).toFixed(1)} s (${Math.round(result.seeded / (result.seedMs / 1000)).toLocaleString('en')} members/s, indexes and VACUUM ANALYZE included).`,
      '',
      table(result, result.name === 'PostgreSQL'),
    );
  }
  return parts.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db, { postgresNeeds: 'DATABASE_URL' }),
    open: (kind) =>
      openBenchDatabase(
        kind,
        kind === 'postgres'
          ? { server: process.env.DATABASE_URL as string, keep: args.keep, reuse: args.reuse }
          : {},
      ),
    run: benchDatabase,
    report,
    write: !args['no-write'],
    marker: 'bench:results',
    heading: '# Directory benchmark',
  }),
);
