/**
 * Unread-count benchmark (issue 11: "unread count ≤ 5 ms p95"): generates members × notifications
 * straight in SQL (a share of them read), then times `unreadCount()` — the bell's query, polled on
 * every page — against the raw SQL it should be (one count over the partial index
 * `notifications_unread_idx`), for random members. Prints p50/p95/max and the plan of the raw SQL.
 *
 * Small by default (2,000 members × 20 notifications, PGlite in memory): a check of the shape
 * that runs in seconds. The scale is behind a flag and is NOT run by helpers on the shared
 * machine:
 *
 *   npx tsx bench/unread.ts [--members 2000] [--per-member 20] [--read-share 0.7] [--samples 500]
 *   npx tsx bench/unread.ts --full      # 300,000 members × 30 notifications (~9M rows)
 *   npx tsx bench/unread.ts --db postgres  # at BENCH_DATABASE_URL (see bench/harness.ts)
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { unreadCount } from '#server/features/notifications/notifications.service';
import { benchMain, type DbKind, openBenchDatabase, percentile } from './harness';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '2000' },
    'per-member': { type: 'string', default: '20' },
    'read-share': { type: 'string', default: '0.7' },
    samples: { type: 'string', default: '500' },
    full: { type: 'boolean', default: false },
    db: { type: 'string', default: 'pglite' },
  },
});
const members = args.full ? 300_000 : Number(args.members);
const perMember = args.full ? 30 : Number(args['per-member']);
const readShare = Number(args['read-share']);
const samples = Number(args.samples);

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms · p95 ${percentile(sorted, 95).toFixed(2)} ms · max ${(sorted.at(-1) ?? 0).toFixed(2)} ms`;
};

async function seed(db: Db) {
  const started = performance.now();
  const batch = 10_000;
  for (let from = 0; from < members; from += batch) {
    const to = Math.min(members, from + batch);
    await db.execute(sql`insert into users (id, name, email, role)
      select 'u' || g, 'Member ' || g, 'u' || g || '@bench.invalid', 'alumni'
      from generate_series(${from}::int, ${to - 1}::int) g`);
    await db.execute(sql`insert into notifications (id, user_id, type, thread_key, link, channel, read_at, created_at)
      select 'n' || g || '-' || k, 'u' || g, 'post_comment', 'post:' || (k % 7), '/posts/x', 'in_app',
        case when random() < ${readShare} then now() else null end,
        now() - (k || ' hours')::interval
      from generate_series(${from}::int, ${to - 1}::int) g, generate_series(1, ${perMember}::int) k`);
  }
  await db.execute(sql`analyze notifications`);
  return performance.now() - started;
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out;
}

async function benchOne(kind: DbKind) {
  const { database, dispose } = await openBenchDatabase(kind, { memory: kind === 'pglite' && !args.full });
  try {
    await applyMigrations(database);
    const db = database.db;
    const seedMs = await seed(db);
    process.stdout.write(
      `[${kind}] ${members} members × ${perMember} notifications seeded in ${(seedMs / 1000).toFixed(1)} s\n`,
    );
    const someone = () => `u${Math.floor(Math.random() * members)}`;
    const service = await time(() => unreadCount({ db }, someone()));
    const raw = await time(() =>
      queryRows(db, sql`select count(*) from notifications where user_id = ${someone()} and read_at is null`),
    );
    const plan = await queryRows<Record<string, string>>(
      db,
      sql`explain select count(*) from notifications where user_id = 'u1' and read_at is null`,
    );
    process.stdout.write(`[${kind}] unreadCount(): ${summary(service)}\n`);
    process.stdout.write(`[${kind}] raw SQL:       ${summary(raw)}\n`);
    process.stdout.write(`[${kind}] plan: ${plan.map((r) => Object.values(r)[0]).join(' | ')}\n`);
  } finally {
    await dispose();
  }
}

benchMain(async () => {
  for (const kind of args.db === 'both' ? (['pglite', 'postgres'] as const) : [args.db as DbKind]) {
    await benchOne(kind);
  }
});
