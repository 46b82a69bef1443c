/**
 * The weekly digest at scale (`npm run bench:digest`, issue 11): seeds N members with the demo
 * seed and a week of posts (one per ten members, some internal, some with reactions and
 * comments), then runs the scheduled job — the walk that queues one send job per 500 members —
 * and drains every send job, while a probe sends `GET /api/health` and a signed-in
 * `GET /api/me/digest` every 50 ms (one at a time), as other users would. Recorded: the time to
 * queue every range, the time to send everything, how many digests were queued, and the longest
 * a probe waited (from when it was due).
 *
 * Databases: PGlite in a temporary directory; PostgreSQL at BENCH_DATABASE_URL (see harness.ts).
 *
 *   npm run bench:digest -- [--members 2000] [--db pglite|postgres|both] [--label latest] [--no-write]
 *     [--keep] [--reuse <pglite dir | kizuna_bench_… database>]
 *
 * `--reuse` skips the seed and resets what a previous run sent (digest mails, the members' last
 * digest, the digest notifications' mailed mark and the queue's digest and mail jobs).
 *
 * Keep it small on a shared machine: the target (300,000 members queued in ≤ 10 minutes,
 * longest wait ≤ 100 ms) is for a dedicated PostgreSQL run.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '#server/app';
import { type Database, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { posts, users } from '#server/db/schema/index';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '#server/demo/seed';
import { DIGEST_SEND_JOB, DIGEST_WEEKLY_JOB } from '#server/features/digest/digest.jobs';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMemoryMailer } from '#server/lib/mail';
import { renderMemberText } from '#server/lib/member-text';
import { createQueue } from '#server/lib/queue';
import { signIn } from '#tests/factories/index';
import { requestAs } from '#tests/setup';
import {
  benchKinds,
  benchMain,
  type DbKind,
  openBenchDatabase,
  type ProbedRun,
  runBench,
  withProbe,
} from './harness';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '2000' },
    db: { type: 'string', default: 'pglite' },
    label: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const MEMBERS = Number(args.members);
const LABEL = args.label ?? 'latest';
if (!/^[a-z0-9-]+$/.test(LABEL)) throw new Error(`--label: letters, digits and dashes only: ${LABEL}`);
const PROBE_MS = 50;
const DAY = 86_400_000;

interface Phase extends ProbedRun {
  phase: string;
}

async function benchDatabase(kind: DbKind, database: Database) {
  const { db } = database;
  const log = (message: string) => process.stdout.write(`  [${kind}] ${message}\n`);
  await applyMigrations(database);
  const now = new Date();
  let members: number;
  if (args.reuse) {
    log('reusing: resetting what the last run sent');
    await db.execute(sql`delete from mail_messages where kind = 'digest'`);
    await db.execute(sql`update digest_subscriptions set last_sent_at = null`);
    await db.execute(sql`update notifications set mailed_at = null where channel = 'digest'`);
    const [boss] = await queryRows<{ ok: boolean }>(
      db,
      sql`select to_regclass('pgboss.job') is not null as ok`,
    );
    if (boss?.ok)
      await db.execute(
        sql`delete from pgboss.job where name in ('digest.weekly', 'digest.send', 'mail.deliver')`,
      );
    // The posts were written relative to the seeding run's clock: move them into this week.
    await db.execute(
      sql`update posts set created_at = ${now.toISOString()}::timestamptz - ((hashtext(id::text) & 7) % 6) * interval '1 day' - interval '1 hour'`,
    );
    await db.execute(sql`vacuum analyze`);
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
    members = Number(row?.n ?? 0);
  } else {
    log(`seeding ${MEMBERS.toLocaleString('en')} members`);
    members = (await seedDemo({ db, members: MEMBERS, log })).members;
    const authors = await db.select({ id: users.id }).from(users).limit(200);
    const rows = Array.from({ length: Math.max(10, Math.floor(MEMBERS / 10)) }, (_, i) => {
      const body = `Post ${i}: what we learned this week #digest`;
      return {
        id: randomUUID(),
        authorId: authors[i % authors.length]?.id as string,
        kind: i % 7 === 0 ? ('news' as const) : ('insight' as const),
        isCompany: i % 7 === 0,
        classification: i % 5 === 0 ? ('internal' as const) : ('network' as const),
        audience: {},
        title: `Post ${i}`,
        bodyMarkdown: body,
        bodyHtml: renderMemberText(body, new Map()),
        commentCount: i % 13,
        reactionCounts: { like: i % 17 },
        createdAt: new Date(now.getTime() - (i % 6) * DAY - 3_600_000),
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.insert(posts).values(rows.slice(i, i + 500));
    log(`${rows.length} posts`);
  }

  const clock = fixedClock(now);
  const queue = createQueue({ raw: database.raw, logger: createLogger('silent'), workers: false });
  const app = createApp({
    db,
    env: testEnv(),
    clock,
    mailer: createMemoryMailer(),
    queue,
    logger: createLogger('silent'),
  });
  await queue.start();
  const request = requestAs(app);
  const login = DEMO_LOGINS[0];
  if (!login) throw new Error('no demo login');
  const cookie = await signIn({ request }, login.email, DEMO_PASSWORD);
  const probe = async () => {
    const [health, read] = await Promise.all([request('/api/health'), request('/api/me/digest', { cookie })]);
    if (health.status !== 200 || read.status !== 200)
      throw new Error(`probe failed: ${health.status} ${read.status}`);
    await read.arrayBuffer();
  };
  const results: Phase[] = [];
  const run = async (phase: string, work: () => Promise<string>) => {
    log(`${phase}…`);
    const r = { phase, ...(await withProbe(probe, work, { everyMs: PROBE_MS })) };
    log(`${phase}: ${(r.ms / 1000).toFixed(2)} s, longest wait ${r.longestWaitMs.toFixed(0)} ms (${r.note})`);
    results.push(r);
  };
  await run('queue every range (digest.weekly)', async () => {
    await queue.send(DIGEST_WEEKLY_JOB, {});
    await queue.drain({ names: [DIGEST_WEEKLY_JOB] });
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pgboss.job where name = ${DIGEST_SEND_JOB}`,
    );
    return `${Number(row?.n ?? 0)} send jobs`;
  });
  await run('send every digest (digest.send)', async () => {
    await queue.drain({ names: [DIGEST_SEND_JOB], maxRounds: 100_000 });
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from mail_messages where kind = 'digest'`,
    );
    return `${Number(row?.n ?? 0).toLocaleString('en')} digests queued`;
  });
  await queue.stop();
  const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(db, sql`select version()`);
  return { kind, version, members, results };
}

type DbResult = Awaited<ReturnType<typeof benchDatabase>>;

function report(runs: DbResult[]) {
  const machine = `${cpus().length} vCPUs (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16)}Z, ${machine}. A probe (\`GET /api/health\` and a signed-in \`GET /api/me/digest\`) every ${PROBE_MS} ms, one at a time; wait = from when it was due to its answer.`,
    '',
    '| database | members | phase | took (s) | probes | p95 wait (ms) | longest wait (ms) | probes > 100 ms | of which during a GC pause ≥ 20 ms | longest GC pause (ms) | longest event-loop block (ms) | note |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of runs) {
    for (const p of r.results) {
      lines.push(
        `| ${r.kind} | ${r.members.toLocaleString('en')} | ${p.phase} | ${(p.ms / 1000).toFixed(2)} | ${p.probes} | ${p.p95WaitMs.toFixed(0)} | ${p.longestWaitMs.toFixed(0)} | ${p.over100} | ${p.over100WithGc} | ${p.longestGcMs.toFixed(0)} | ${p.longestLoopBlockMs.toFixed(0)} | ${p.note} |`,
      );
    }
  }
  lines.push('', ...runs.map((r) => `- ${r.kind}: ${r.version.split(',')[0]}`));
  return lines.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) =>
      openBenchDatabase(kind, {
        poolSize: 10,
        tmpPrefix: 'kizuna-bench-digest-',
        keep: args.keep,
        reuse: args.reuse ?? null,
      }),
    run: benchDatabase,
    report,
    write: !args['no-write'],
    marker: `bench:digest:${LABEL}`,
    heading: '# Weekly digest (bench:digest)',
  }),
);
