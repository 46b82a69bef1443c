/**
 * Home feed benchmark (issue 11): seeds members, groups (each member in about two), posts (most
 * for the network, some internal, alumni-only and group posts, a few pinned) and reactions, then
 * times the home feed's first page as the endpoint builds it (`homeFeed` + `postContext`: pins,
 * the keyset stream with the visibility policy in the query, media, mentions, my reactions) for
 * random alumni and employees — against the same statements as raw SQL (the floor).
 *
 * Target (issue 11): at 300,000 members, 200,000 posts, 2,000,000 reactions, 5,000 groups, p95
 * ≤ 50 ms on PostgreSQL and ≤ 1.5× its raw SQL.
 *
 * Everything is seeded in SQL with generate_series (fast, no app code). Databases: PGlite in a
 * temporary directory; PostgreSQL at BENCH_DATABASE_URL (else DATABASE_URL, else the local server),
 * in a database created for the run and dropped afterwards.
 *
 *   npx tsx bench/feed.ts -- --small                      (a quick check: 2,000 members, PGlite)
 *   npx tsx bench/feed.ts -- [--members 300000] [--posts 200000] [--reactions 2000000]
 *     [--groups 5000] [--runs 200] [--db pglite|postgres|both] [--label latest] [--no-write]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Role } from '#common/roles';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { homeFeed, postContext } from '#server/features/posts/posts.service';
import type { Viewer } from '#server/lib/access/policy';
import { benchKinds, benchMain, type DbKind, openBenchDatabase, revision, runBench } from './harness';

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    members: { type: 'string' },
    posts: { type: 'string' },
    reactions: { type: 'string' },
    groups: { type: 'string' },
    runs: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    label: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SMALL = args.small;
const MEMBERS = Number(args.members ?? (SMALL ? 2_000 : 300_000));
const POSTS = Number(args.posts ?? (SMALL ? 2_000 : 200_000));
const REACTIONS = Number(args.reactions ?? (SMALL ? 5_000 : 2_000_000));
const GROUPS = Number(args.groups ?? (SMALL ? 50 : 5_000));
const RUNS = Number(args.runs ?? (SMALL ? 30 : 200));
const LABEL = args.label ?? 'latest';
if (!/^[a-z0-9-]+$/.test(LABEL)) throw new Error(`--label: letters, digits and dashes only: ${LABEL}`);
const NOW = new Date('2026-11-24T03:00:00Z');
const PAGE = 20;

const say = (kind: DbKind, message: string) => process.stdout.write(`  [${kind}] ${message}\n`);

/** Members, groups, memberships, posts and reactions, in SQL. Ids are `u<n>`, `g<n>`, `p<n>`. */
async function seed(db: Db, kind: DbKind) {
  const started = performance.now();
  await db.execute(sql`insert into users (id, name, email, role, locale, status)
    select 'u' || i, 'Member ' || i, 'm' || i || '@bench.example',
      case when i % 10 = 0 then 'employee' when i = 1 then 'alumni_manager' else 'alumni' end,
      case when i % 3 = 0 then 'en' else 'ja' end, 'active'
    from generate_series(1, ${MEMBERS}) i`);
  await db.execute(sql`insert into groups (id, kind, name_ja, name_en, status, classification, audience)
    select 'g' || i, 'interest', 'グループ' || i, 'Group ' || i, 'active', 'network', '{}'::jsonb
    from generate_series(1, ${GROUPS}) i`);
  // Each member in two groups (a deterministic spread).
  await db.execute(sql`insert into group_members (group_id, user_id, role, state, joined_at)
    select 'g' || (1 + (i::bigint * k * 7919) % ${GROUPS}), 'u' || i, case when i % 97 = 0 then 'admin' else 'member' end,
      'active', ${NOW}
    from generate_series(1, ${MEMBERS}) i, generate_series(1, 2) k
    on conflict do nothing`);
  say(kind, `${MEMBERS} members in ${GROUPS} groups`);
  // 85 % network, 5 % internal, 3 % alumni only, 7 % in a group; newest within a year.
  await db.execute(sql`insert into posts (id, author_id, kind, is_company, group_id, classification, audience,
      title, body_markdown, body_html, topics, search_text, created_at, updated_at, pinned_at, comment_count,
      reaction_counts)
    select 'p' || i, 'u' || (1 + (i::bigint * 104729) % ${MEMBERS}),
      case when i % 20 = 0 then 'news' else 'insight' end, i % 20 = 0,
      case when i % 100 >= 93 then 'g' || (1 + (i * 31) % ${GROUPS}) end,
      case when i % 100 between 85 and 89 then 'internal' else 'network' end,
      case when i % 100 >= 93 then jsonb_build_object('groupIds', jsonb_build_array('g' || (1 + (i * 31) % ${GROUPS})))
           when i % 100 between 90 and 92 then '{"roles":["alumni","alumni_manager","admin"]}'::jsonb
           else '{}'::jsonb end,
      'Post ' || i, 'Body of post ' || i || ' #topic' || (i % 50),
      '<p>Body of post ' || i || '</p>', array['topic' || (i % 50)], 'post ' || i,
      ${NOW}::timestamptz - (i || ' minutes')::interval * (525600.0 / ${POSTS}),
      ${NOW}::timestamptz - (i || ' minutes')::interval * (525600.0 / ${POSTS}),
      case when i <= 5 * ${Math.max(1, Math.round(POSTS / 40_000))} and i % ${Math.max(1, Math.round(POSTS / 40_000))} = 0
        then ${NOW}::timestamptz end, i % 7, '{"like": 1}'::jsonb
    from generate_series(1, ${POSTS}) i`);
  say(kind, `${POSTS} posts`);
  await db.execute(sql`insert into reactions (post_id, user_id, reaction, created_at)
    select 'p' || (1 + (i * 7) % ${POSTS}), 'u' || (1 + (i * 13) % ${MEMBERS}),
      (array['like','celebrate','insightful','support','curious'])[1 + i % 5], ${NOW}
    from generate_series(1, ${REACTIONS}) i
    on conflict do nothing`);
  say(kind, `${REACTIONS} reactions (duplicates dropped)`);
  await db.execute(sql.raw('analyze'));
  return Math.round(performance.now() - started);
}

/** The viewers measured: alumni and employees spread over the id range. */
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
      attributes: { leftOn: role === 'alumni' ? '2020-03-31' : null, currentEmployer: null },
    };
  });
}

/** The first page as raw SQL: the pins, the stream, and the viewer's reactions on the page. */
async function rawFirstPage(db: Db, viewer: Viewer) {
  const visible = sql`p.deleted_at is null and p.hidden_at is null and (p.author_id = ${viewer.id} or (
      p.classification in (${sql.join(
        (viewer.role === 'alumni' ? ['public', 'network'] : ['public', 'network', 'internal']).map(
          (c) => sql`${c}`,
        ),
        sql`, `,
      )})
      and (not (p.audience ? 'roles') or p.audience->'roles' ? ${viewer.role})
      and (jsonb_array_length(coalesce(p.audience->'groupIds', '[]'::jsonb)) = 0 or exists (
        select 1 from group_members gm where gm.user_id = ${viewer.id} and gm.state = 'active'
          and p.audience->'groupIds' ? gm.group_id))))`;
  const pins = await queryRows(
    db,
    sql`select p.*, u.name, u.role from posts p join users u on u.id = p.author_id
      where ${visible} and p.pinned_at is not null order by p.pinned_at desc, p.id desc limit 5`,
  );
  const stream = await queryRows<{ id: string }>(
    db,
    sql`select p.*, u.name, u.role, g.name_ja, g.name_en from posts p join users u on u.id = p.author_id
      left join groups g on g.id = p.group_id
      where ${visible} and p.pinned_at is null order by p.created_at desc, p.id desc limit ${PAGE + 1}`,
  );
  const ids = [...pins, ...stream].map((r) => (r as { id: string }).id);
  await queryRows(
    db,
    sql`select post_id, reaction from reactions where user_id = ${viewer.id} and post_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return ids.length;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function time(fn: () => Promise<unknown>, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? 0 };
}

interface Result {
  kind: DbKind;
  seedMs: number;
  app: { p50: number; p95: number; max: number };
  raw: { p50: number; p95: number; max: number };
  items: number;
}

async function benchDatabase(kind: DbKind, database: Database): Promise<Result> {
  await applyMigrations(database);
  const db = database.db;
  const seedMs = await seed(db, kind);
  const people = viewers(RUNS);
  let items = 0;
  let i = 0;
  const app = async () => {
    const viewer = people[i++ % people.length] as Viewer;
    const page = await homeFeed(db, viewer, NOW, { limit: PAGE });
    await postContext(db, viewer, page.rows);
    items += page.rows.length;
  };
  let j = 0;
  const raw = () => rawFirstPage(db, people[j++ % people.length] as Viewer);
  // Warm both paths, then alternate so neither profits from the other's cache alone.
  await time(app, Math.min(10, RUNS));
  await time(raw, Math.min(10, RUNS));
  const appTimes = await time(app, RUNS);
  const rawTimes = await time(raw, RUNS);
  say(kind, `app p95 ${appTimes.p95.toFixed(1)} ms, raw p95 ${rawTimes.p95.toFixed(1)} ms`);
  return {
    kind,
    seedMs,
    app: appTimes,
    raw: rawTimes,
    items: Math.round(items / (RUNS + Math.min(10, RUNS))),
  };
}

function report(results: Result[]) {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `Commit ${revision()}; ${MEMBERS.toLocaleString('en')} members, ${POSTS.toLocaleString('en')} posts, ${REACTIONS.toLocaleString('en')} reactions, ${GROUPS.toLocaleString('en')} groups; ${RUNS} first pages per path; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}, ${Math.round(totalmem() / 2 ** 30)} GB.`,
    '',
    '| database | seed | feed p50 | feed p95 | raw SQL p50 | raw SQL p95 | ratio p95 | items/page |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${(r.seedMs / 1000).toFixed(0)} s | ${f(r.app.p50)} ms | ${f(r.app.p95)} ms | ${f(r.raw.p50)} ms | ${f(r.raw.p95)} ms | ${(r.app.p95 / Math.max(0.001, r.raw.p95)).toFixed(2)}× | ${r.items} |`,
    ),
  ];
  return lines.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) => openBenchDatabase(kind, { poolSize: 4, tmpPrefix: 'kizuna-bench-feed-' }),
    run: benchDatabase,
    report,
    write: !args['no-write'] && !SMALL,
    marker: `bench:feed:${LABEL}`,
    heading: '## Home feed (issue 11)',
  }),
);
