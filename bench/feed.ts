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
 *     [--keep] [--reuse <pglite dir | kizuna_bench_… database>]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Role } from '#common/roles';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { groupMembers, groups, postMedia, posts, reactions, users } from '#server/db/schema';
import { listedPostsWhere } from '#server/features/posts/posts.policy';
import { homeFeed, MAX_PINNED, POST_COLUMNS, postContext } from '#server/features/posts/posts.service';
import type { Viewer } from '#server/lib/access/policy';
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
    posts: { type: 'string' },
    reactions: { type: 'string' },
    groups: { type: 'string' },
    runs: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    label: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
    // Keep the seeded database (its name or directory is printed), or measure a kept one again.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
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

/** The first page as raw SQL: the pins, the stream, the page's media and the viewer's reactions. */
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
  // As the endpoint does: pins and stream at once, then the page's media and my reactions at once.
  const [pins, stream] = await Promise.all([
    queryRows(
      db,
      sql`select p.*, u.name, u.role from posts p join users u on u.id = p.author_id
        where ${visible} and p.pinned_at is not null order by p.pinned_at desc, p.id desc limit 5`,
    ),
    queryRows<{ id: string }>(
      db,
      sql`select p.*, u.name, u.role, g.name_ja, g.name_en from posts p join users u on u.id = p.author_id
        left join groups g on g.id = p.group_id
        where ${visible} and p.pinned_at is null order by p.created_at desc, p.id desc limit ${PAGE + 1}`,
    ),
  ]);
  const ids = [...pins, ...stream].map((r) => (r as { id: string }).id);
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  await Promise.all([
    queryRows(
      db,
      sql`select post_id, reaction from reactions where user_id = ${viewer.id} and post_id in (${list})`,
    ),
    queryRows(db, sql`select * from post_media where post_id in (${list}) order by position, created_at`),
  ]);
  return ids.length;
}

/**
 * The endpoint's own statements — the same SQL text, policy and parameters, rendered by the same
 * query builder — sent through the driver without the ORM's row mapping: the floor for the
 * code around the queries (the 1.5× goal). The hand-written page above is the floor for the SQL.
 */
async function sameStatementsFirstPage(database: Database, viewer: Viewer) {
  const { db, raw } = database;
  const listed = listedPostsWhere(viewer, NOW);
  const page = () =>
    db
      .select(POST_COLUMNS)
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .leftJoin(groups, eq(groups.id, posts.groupId));
  const run = (q: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = q.toSQL();
    return raw.query(text, params);
  };
  const [pins, stream] = await Promise.all([
    run(
      page()
        .where(and(listed, isNotNull(posts.pinnedAt)))
        .orderBy(desc(posts.pinnedAt), desc(posts.id))
        .limit(MAX_PINNED),
    ),
    run(
      page()
        .where(and(listed, isNull(posts.pinnedAt)))
        .orderBy(desc(posts.createdAt), desc(posts.id))
        .limit(PAGE + 1),
    ),
  ]);
  const rows = [...pins.rows, ...stream.rows] as { id: string; group_id: string | null }[];
  const ids = rows.map((r) => r.id);
  const groupIds = [...new Set(rows.map((r) => r.group_id).filter((g): g is string => g !== null))];
  if (ids.length === 0) return 0;
  await Promise.all([
    groupIds.length
      ? run(
          db
            .select({ groupId: groupMembers.groupId })
            .from(groupMembers)
            .where(
              and(
                eq(groupMembers.userId, viewer.id),
                eq(groupMembers.state, 'active'),
                eq(groupMembers.role, 'admin'),
                inArray(groupMembers.groupId, groupIds),
              ),
            ),
        )
      : null,
    run(db.select().from(postMedia).where(inArray(postMedia.postId, ids))),
    run(
      db
        .select({ postId: reactions.postId, reaction: reactions.reaction })
        .from(reactions)
        .where(and(inArray(reactions.postId, ids), eq(reactions.userId, viewer.id))),
    ),
  ]);
  return ids.length;
}

const summary = (ms: number[]) => {
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? 0 };
};

/**
 * Times the paths interleaved — each round runs every path once, in a rotating order — so drift
 * (caches, CPU frequency, other load) falls on all of them alike.
 */
async function timeInterleaved(paths: (() => Promise<unknown>)[], runs: number) {
  const ms = paths.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < paths.length; k++) {
      const which = (i + k) % paths.length;
      const started = performance.now();
      await (paths[which] as () => Promise<unknown>)();
      (ms[which] as number[]).push(performance.now() - started);
    }
  }
  return ms.map(summary);
}

interface Result {
  kind: DbKind;
  seedMs: number;
  app: { p50: number; p95: number; max: number };
  raw: { p50: number; p95: number; max: number };
  same: { p50: number; p95: number; max: number };
  items: number;
}

async function benchDatabase(kind: DbKind, database: Database): Promise<Result> {
  await applyMigrations(database);
  const db = database.db;
  const seedMs = args.reuse ? 0 : await seed(db, kind);
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
  let k = 0;
  const same = () => sameStatementsFirstPage(database, people[k++ % people.length] as Viewer);
  await timeInterleaved([app, raw, same], Math.min(10, RUNS)); // warm-up
  const [appTimes, rawTimes, sameTimes] = (await timeInterleaved([app, raw, same], RUNS)) as [
    Result['app'],
    Result['app'],
    Result['app'],
  ];
  say(
    kind,
    `app p95 ${appTimes.p95.toFixed(1)} ms, same statements p95 ${sameTimes.p95.toFixed(1)} ms, hand-written p95 ${rawTimes.p95.toFixed(1)} ms`,
  );
  return {
    kind,
    seedMs,
    app: appTimes,
    raw: rawTimes,
    same: sameTimes,
    items: Math.round(items / (RUNS + Math.min(10, RUNS))),
  };
}

function report(results: Result[]) {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `Commit ${revision()}; ${MEMBERS.toLocaleString('en')} members, ${POSTS.toLocaleString('en')} posts, ${REACTIONS.toLocaleString('en')} reactions, ${GROUPS.toLocaleString('en')} groups; ${RUNS} first pages per path; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}, ${Math.round(totalmem() / 2 ** 30)} GB.`,
    '',
    '| database | seed | feed p50 | feed p95 | same statements, raw driver p50 / p95 | ratio p95 | hand-written SQL p50 / p95 | items/page |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${args.reuse ? 'reused' : `${(r.seedMs / 1000).toFixed(0)} s`} | ${f(r.app.p50)} ms | ${f(r.app.p95)} ms | ${f(r.same.p50)} / ${f(r.same.p95)} ms | ${(r.app.p95 / Math.max(0.001, r.same.p95)).toFixed(2)}× | ${f(r.raw.p50)} / ${f(r.raw.p95)} ms | ${r.items} |`,
    ),
  ];
  return lines.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) =>
      openBenchDatabase(kind, {
        poolSize: 4,
        tmpPrefix: 'kizuna-bench-feed-',
        keep: args.keep,
        reuse: args.reuse ?? null,
      }),
    run: benchDatabase,
    report,
    write: !args['no-write'] && !SMALL,
    marker: `bench:feed:${LABEL}`,
    heading: '## Home feed (issue 11)',
  }),
);
