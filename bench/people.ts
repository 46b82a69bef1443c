/**
 * People-to-meet benchmark (issue 12 §2, decision 038): seeds members with departments, joining
 * years, skills, languages, cities and industries, and connections (each stored twice), then times
 * - recomputing one member's candidates (`computeSuggestions`), goal ≤ 200 ms;
 * - the top 20 as the endpoint reads it (`listSuggestions`: lookup, "never" filter, fading, MMR,
 *   cards, impressions), goal p95 ≤ 50 ms on PostgreSQL — beside the raw SQL lookup (the floor);
 * - the full refresh (`refreshAllSuggestions`, over the first `--refresh` members) while a probe
 *   sends `select 1` every 50 ms: the longest wait of a probe from when it was due, goal ≤ 100 ms.
 *
 * Seeded in SQL with generate_series. PGlite in a temporary directory; PostgreSQL at
 * BENCH_DATABASE_URL (else DATABASE_URL, else the local server), in a database made for the run.
 *
 *   npm run bench:people -- --small                 (a quick check: 2,000 members, PGlite)
 *   npm run bench:people -- [--members 300000] [--connections 3000000] [--runs 200]
 *     [--refresh 5000] [--db pglite|postgres|both] [--label latest] [--no-write] [--keep] [--reuse …]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Role } from '#common/roles';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import {
  computeSuggestions,
  forgetIdf,
  listSuggestions,
  refreshAllSuggestions,
} from '#server/features/suggestions/suggestions.service';
import type { Viewer } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import {
  benchKinds,
  benchMain,
  type DbKind,
  openBenchDatabase,
  percentile,
  revision,
  runBench,
} from './harness';

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    members: { type: 'string' },
    connections: { type: 'string' },
    runs: { type: 'string' },
    refresh: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    label: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const SMALL = args.small;
const MEMBERS = Number(args.members ?? (SMALL ? 2_000 : 300_000));
/** Connection rows (each pair stored twice). */
const CONNECTIONS = Number(args.connections ?? (SMALL ? 20_000 : 3_000_000));
const RUNS = Number(args.runs ?? (SMALL ? 30 : 200));
const REFRESH = Number(args.refresh ?? (SMALL ? 500 : 5_000));
const LABEL = args.label ?? 'latest';
if (!/^[a-z0-9-]+$/.test(LABEL)) throw new Error(`--label: letters, digits and dashes only: ${LABEL}`);
const NOW = new Date('2026-11-24T03:00:00Z');
const clock = fixedClock(NOW);

const say = (kind: DbKind, message: string) => process.stdout.write(`  [${kind}] ${message}\n`);

async function seed(db: Db, kind: DbKind) {
  const started = performance.now();
  await db.execute(sql`insert into users (id, name, email, role, locale, status)
    select 'u' || i, 'Member ' || i, 'm' || i || '@bench.example',
      case when i % 10 = 0 then 'employee' when i = 1 then 'alumni_manager' else 'alumni' end,
      'ja', 'active'
    from generate_series(1, ${MEMBERS}) i`);
  // 20 departments, joining 1990–2025, 200 skills (skewed: low numbers common), 8 languages
  // (Japanese for nearly all), 30 cities, 14 industries; every tenth member unlisted.
  await db.execute(sql`insert into profiles (user_id, family_name, given_name, role, is_active, joined_on, left_on,
      departments, industry, skills, languages, location, country, current_employer, consents,
      sort_name, search_name, search_members, search_employees, search_admins,
      grams_members, grams_employees, grams_admins)
    select 'u' || i, 'Member', i::text,
      case when i % 10 = 0 then 'employee' when i = 1 then 'alumni_manager' else 'alumni' end, true,
      make_date(1990 + (i * 7) % 36, 4, 1),
      case when i % 10 = 0 then null else make_date(least(2025, 1990 + (i * 7) % 36 + 1 + (i * 13) % 12), 3, 31) end,
      array['dept' || (i * 31) % 20],
      (array['it','consulting','finance','manufacturing','retail','healthcare','education','public_sector',
             'media','energy','logistics','real_estate','startup','other'])[1 + (i * 17) % 14],
      array['skill' || floor(power(((i * 37) % 1000) / 1000.0, 2) * 200)::int,
            'skill' || floor(power(((i * 53) % 1000) / 1000.0, 2) * 200)::int,
            'skill' || (i * 11) % 200],
      case when i % 5 = 0 then array['ja','en'] when i % 23 = 0 then array['ja','fr'] else array['ja'] end,
      'city' || (i * 19) % 30, 'JP', 'Employer ' || (i * 29) % 500,
      case when i % 10 = 7 then '{}'::text[] else array['directory'] end,
      'member ' || i, 'member ' || i, 'member ' || i, 'member ' || i, 'member ' || i,
      '{}'::text[], '{}'::text[], '{}'::text[]
    from generate_series(1, ${MEMBERS}) i`);
  say(kind, `${MEMBERS} members`);
  // Pairs (a, b): a's 1..k-th neighbour by a multiplicative spread; both directions stored.
  const pairs = Math.floor(CONNECTIONS / 2);
  await db.execute(sql`insert into connections (user_id, other_id, created_at)
    select 'u' || a, 'u' || b, ${NOW}::timestamptz from (
      select 1 + (i % ${MEMBERS}) as a, 1 + ((i % ${MEMBERS}) + 1 + (i::bigint * 7919) % (${MEMBERS} - 1)) % ${MEMBERS} as b
      from generate_series(1, ${pairs}) i) x
    where a <> b
    union all
    select 'u' || b, 'u' || a, ${NOW}::timestamptz from (
      select 1 + (i % ${MEMBERS}) as a, 1 + ((i % ${MEMBERS}) + 1 + (i::bigint * 7919) % (${MEMBERS} - 1)) % ${MEMBERS} as b
      from generate_series(1, ${pairs}) i) x
    where a <> b
    on conflict do nothing`);
  say(kind, `${CONNECTIONS} connection rows (duplicates dropped)`);
  await db.execute(sql`insert into blocks (blocker_id, blocked_id)
    select 'u' || i, 'u' || (1 + (i * 101) % ${MEMBERS}) from generate_series(1, ${MEMBERS}, 50) i
    where i <> 1 + (i * 101) % ${MEMBERS} on conflict do nothing`);
  await db.execute(sql.raw('analyze'));
  return Math.round(performance.now() - started);
}

function viewers(count: number): Viewer[] {
  return Array.from({ length: count }, (_, k) => {
    const n = 2 + ((k * 2_654_435_761) % (MEMBERS - 1));
    const role: Role = n % 10 === 0 ? 'employee' : 'alumni';
    return {
      id: `u${n}`,
      role,
      email: `m${n}@bench.example`,
      displayName: `Member ${n}`,
      locale: 'ja',
      attributes: { leftOn: null, currentEmployer: null },
    };
  });
}

/** The floor: the stored rows with the "never" checks, as one hand-written statement. */
async function rawTop(db: Db, viewer: Viewer, list: string) {
  const me = viewer.id;
  return queryRows(
    db,
    sql`select s.candidate_id, s.score, s.terms, p.family_name, p.given_name, p.current_employer, p.current_title
      from people_suggestions s join profiles p on p.user_id = s.candidate_id
      left join people_suggestion_impressions i on i.member_id = s.member_id and i.candidate_id = s.candidate_id
      where s.member_id = ${me} and s.list = ${list} and i.dismissed_at is null
        and p.is_active and p.consents @> array['directory']::text[]
        and not exists (select 1 from blocks b where (b.blocker_id = ${me} and b.blocked_id = p.user_id)
                                              or (b.blocker_id = p.user_id and b.blocked_id = ${me}))
        and not exists (select 1 from connections c where c.user_id = ${me} and c.other_id = p.user_id)
        and not exists (select 1 from connection_requests r where r.status = 'pending'
          and ((r.from_id = ${me} and r.to_id = p.user_id) or (r.from_id = p.user_id and r.to_id = ${me})))
      order by s.score desc limit 20`,
  );
}

type Stats = { p50: number; p95: number; max: number };
const summary = (ms: number[]): Stats => {
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? 0 };
};
async function time(runs: number, f: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await f(i);
    ms.push(performance.now() - started);
  }
  return summary(ms);
}

interface Result {
  kind: DbKind;
  seedMs: number;
  compute: Stats;
  read: Stats;
  raw: Stats;
  items: number;
  refresh: { members: number; ms: number; longestWaitMs: number };
}

async function benchDatabase(kind: DbKind, database: Database): Promise<Result> {
  await applyMigrations(database);
  const db = database.db;
  const seedMs = args.reuse ? 0 : await seed(db, kind);
  const deps = { db, clock };
  const people = viewers(RUNS);
  forgetIdf();
  await computeSuggestions(deps, { userId: 'u2' }); // warm-up (and the IDF counts)
  const compute = await time(RUNS, (i) => computeSuggestions(deps, { userId: (people[i] as Viewer).id }));
  say(kind, `recompute one member p95 ${compute.p95.toFixed(1)} ms`);
  let items = 0;
  const lists = ['know', 'diagonal'] as const;
  const read = await time(RUNS, async (i) => {
    const { rows } = await listSuggestions(deps, {
      viewer: people[i] as Viewer,
      list: lists[i % 2] as 'know',
      limit: 20,
    });
    items += rows.length;
  });
  const raw = await time(RUNS, (i) => rawTop(db, people[i] as Viewer, lists[i % 2] as string));
  say(
    kind,
    `top 20 p95 ${read.p95.toFixed(1)} ms (raw ${raw.p95.toFixed(1)} ms), ${(items / RUNS).toFixed(1)} items`,
  );

  // The full refresh with a probe every 50 ms: how long does a request wait?
  let longestWaitMs = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50));
      await db.execute(sql`select 1`);
      longestWaitMs = Math.max(longestWaitMs, performance.now() - due);
    }
  })();
  const started = performance.now();
  const { members } = await refreshAllSuggestions(deps, { maxMembers: REFRESH });
  const refreshMs = Math.round(performance.now() - started);
  probing = false;
  await probe;
  say(
    kind,
    `refresh of ${members} members: ${refreshMs} ms, longest probe wait ${longestWaitMs.toFixed(1)} ms`,
  );
  return {
    kind,
    seedMs,
    compute,
    read,
    raw,
    items: Math.round(items / RUNS),
    refresh: { members, ms: refreshMs, longestWaitMs },
  };
}

function report(results: Result[]) {
  const f = (n: number) => n.toFixed(1);
  return [
    `Commit ${revision()}; ${MEMBERS.toLocaleString('en')} members, ${CONNECTIONS.toLocaleString('en')} connection rows; ${RUNS} members per measure; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}, ${Math.round(totalmem() / 2 ** 30)} GB.`,
    '',
    '| database | seed | recompute one p50 / p95 (goal 200) | top 20 p50 / p95 (goal 50) | raw SQL p50 / p95 | items | full refresh (members, time, longest wait; goal 100 ms) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${args.reuse ? 'reused' : `${(r.seedMs / 1000).toFixed(0)} s`} | ${f(r.compute.p50)} / ${f(r.compute.p95)} ms | ${f(r.read.p50)} / ${f(r.read.p95)} ms | ${f(r.raw.p50)} / ${f(r.raw.p95)} ms | ${r.items} | ${r.refresh.members}, ${(r.refresh.ms / 1000).toFixed(1)} s, ${f(r.refresh.longestWaitMs)} ms |`,
    ),
  ].join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) =>
      openBenchDatabase(kind, {
        poolSize: 4,
        tmpPrefix: 'kizuna-bench-people-',
        keep: args.keep,
        reuse: args.reuse ?? null,
      }),
    run: benchDatabase,
    report,
    write: !args['no-write'] && !SMALL,
    marker: `bench:people:${LABEL}`,
    heading: '## People to meet (issue 12)',
  }),
);
