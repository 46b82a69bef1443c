/**
 * Work over all members (`npm run bench:all-members`, decision 023): seeds N members with the demo
 * seed, then runs each operation that touches every member — HR's change of visibility limits
 * (the request, then its re-index job to the end), the daily freshness questions, the retention
 * warnings on first enabling it, and the directory's uncached landing facets — while a probe sends
 * `GET /api/health` and a small signed-in read (`GET /api/members/<self>`) every 50 ms (one at a
 * time), as other users would. Recorded per operation: how long it took, and the longest a probe
 * waited (from when it was due, so a starved event loop counts as waiting). On PGlite there is one connection
 * and one thread: the longest wait is what freezes everyone else.
 *
 * Databases: PGlite in a temporary directory; PostgreSQL at BENCH_DATABASE_URL (else DATABASE_URL,
 * else postgres://postgres@127.0.0.1:5432/postgres), in a database created for the run and dropped
 * afterwards. Writes its table into bench/RESULTS.md between the `bench:all-members:<label>`
 * markers (the analysis around them is written by hand).
 *
 *   npm run bench:all-members -- [--members 300000] [--db pglite|postgres|both] [--label latest]
 *     [--ops visibility,freshness,retention,facets] [--no-write]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '#server/app';
import { type Database, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { users } from '#server/db/schema/index';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '#server/demo/seed';
import { invalidateDirectoryCaches } from '#server/features/directory/directory.cache';
import { FRESHNESS_ASK } from '#server/features/freshness/freshness.service';
import { REINDEX_KEY, reindexSearch, SEARCH_REINDEX_JOB } from '#server/features/members/members.service';
import { RETENTION_SWEEP, setRetentionSettings } from '#server/features/privacy/retention.service';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMemoryMailer } from '#server/lib/mail';
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
    members: { type: 'string', default: '300000' },
    db: { type: 'string', default: 'both' },
    label: { type: 'string', default: 'latest' },
    ops: { type: 'string', default: 'visibility,freshness,retention,facets' },
    'no-write': { type: 'boolean', default: false },
    /** Time-box each re-index run (seconds; 0 = to the end): a 300k re-index takes many minutes. */
    'cap-seconds': { type: 'string', default: '0' },
  },
});
const CAP_SECONDS = Number(args['cap-seconds']);
const MEMBERS = Number(args.members);
const LABEL = args.label ?? 'latest';
if (!/^[a-z0-9-]+$/.test(LABEL)) throw new Error(`--label: letters, digits and dashes only: ${LABEL}`);
const OPS = new Set((args.ops ?? '').split(','));
const PROBE_MS = 50;

interface OpResult extends ProbedRun {
  op: string;
}

async function benchDatabase(kind: DbKind, database: Database) {
  const { db } = database;
  const log = (message: string) => process.stdout.write(`  [${kind}] ${message}\n`);
  await applyMigrations(database);
  log(`seeding ${MEMBERS.toLocaleString('en')} members`);
  const seeded = await seedDemo({ db, members: MEMBERS, log });
  log(`seeded ${seeded.members.toLocaleString('en')} in ${(seeded.ms / 1000).toFixed(1)} s`);
  const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(db, sql`select version()`);

  // The demo seed ages confirmations against the real date: the clock starts there.
  const clock = fixedClock(new Date());
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
  const hrLogin = DEMO_LOGINS.find((l) => l.role === 'alumni_manager') ?? DEMO_LOGINS[0];
  if (!hrLogin) throw new Error('no demo login');
  const cookie = await signIn({ request }, hrLogin.email, DEMO_PASSWORD);
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.email, hrLogin.email));
  if (!hr) throw new Error('demo HR login missing');
  const probe = async () => {
    const [health, read] = await Promise.all([
      request('/api/health'),
      request(`/api/members/${hr.id}`, { cookie }),
    ]);
    if (health.status !== 200 || read.status !== 200) {
      throw new Error(`probe failed: ${health.status} ${read.status}`);
    }
    await read.arrayBuffer();
  };
  const drain = (name: string) => queue.drain({ names: [name], maxRounds: 1_000 });
  const results: OpResult[] = [];
  const run = async (op: string, work: () => Promise<string>) => {
    log(`${op}…`);
    const result = { op, ...(await withProbe(probe, work, { everyMs: PROBE_MS })) };
    log(
      `${op}: ${(result.ms / 1000).toFixed(2)} s, ${result.probes} probes, longest wait ${result.longestWaitMs.toFixed(0)} ms (${result.note})`,
    );
    results.push(result);
  };

  if (OPS.has('visibility')) {
    for (const [label, level] of [
      ['narrow', 'employees'],
      ['widen', 'members'],
    ] as const) {
      let putMs = 0;
      await run(`visibility: ${label} bio to ${level} (request)`, async () => {
        const t0 = performance.now();
        const res = await request('/api/settings/profile-visibility', {
          method: 'PUT',
          cookie,
          json: { bio: level },
        });
        putMs = performance.now() - t0;
        if (res.status !== 200) throw new Error(`PUT: ${res.status}`);
        return `answered in ${putMs.toFixed(0)} ms`;
      });
      await run(`visibility: ${label} bio to ${level} (re-index job)`, async () => {
        if (!CAP_SECONDS) return `${await drain(SEARCH_REINDEX_JOB)} job(s)`;
        // Time-boxed: the job's own loop, stopped after CAP_SECONDS; the cursor keeps the rest.
        const t0 = performance.now();
        const rows = await reindexSearch(db, { stopAt: t0 + CAP_SECONDS * 1000 });
        const perSecond = rows / ((performance.now() - t0) / 1000);
        const total = seeded.members;
        return `time-boxed at ${CAP_SECONDS} s: ${rows.toLocaleString('en')} of ${total.toLocaleString('en')} profiles (${perSecond.toFixed(0)}/s; whole run ≈ ${(total / perSecond / 60).toFixed(0)} min)`;
      });
      if (CAP_SECONDS) await db.execute(sql`delete from org_settings where key = ${REINDEX_KEY}`);
    }
  }
  if (OPS.has('freshness')) {
    await run('freshness: daily questions', async () => {
      await queue.send(FRESHNESS_ASK, {});
      await drain(FRESHNESS_ASK);
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from profiles where freshness_asked_at is not null`,
      );
      return `${Number(row?.n ?? 0).toLocaleString('en')} asked`;
    });
  }
  if (OPS.has('retention')) {
    await setRetentionSettings({
      db,
      settings: { enabled: true, roles: ['alumni'], inactiveYears: 1, warningDays: 30 },
      actorId: hr.id,
    });
    // Two years on: every alumnus who never signed in is due a warning (first enabling).
    clock.advance(2 * 366 * 86_400_000);
    await run('retention: warnings on first run', async () => {
      await queue.send(RETENTION_SWEEP, {});
      await drain(RETENTION_SWEEP);
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from users where retention_warned_at is not null`,
      );
      return `${Number(row?.n ?? 0).toLocaleString('en')} warned`;
    });
    clock.advance(-2 * 366 * 86_400_000);
  }
  if (OPS.has('facets')) {
    invalidateDirectoryCaches();
    await run('directory: landing facets, uncached', async () => {
      const res = await request('/api/directory/facets', { cookie });
      if (res.status !== 200) throw new Error(`facets: ${res.status}`);
      return `total ${((await res.json()) as { total: number }).total.toLocaleString('en')}`;
    });
  }
  await queue.stop();
  return { kind, version, members: seeded.members, results };
}

type DbResult = Awaited<ReturnType<typeof benchDatabase>>;

function report(runs: DbResult[]) {
  const machine = `${cpus().length} vCPUs (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16)}Z, ${machine}. A probe (\`GET /api/health\` and a signed-in \`GET /api/members/{id}\`) every ${PROBE_MS} ms, one at a time; wait = from when it was due to its answer.`,
    '',
    '| database | members | operation | took (s) | probes | longest wait (ms) | p95 wait (ms) | note |',
    '|---|---:|---|---:|---:|---:|---:|---|',
  ];
  for (const r of runs) {
    for (const o of r.results) {
      lines.push(
        `| ${r.kind} | ${r.members.toLocaleString('en')} | ${o.op} | ${(o.ms / 1000).toFixed(2)} | ${o.probes} | ${o.longestWaitMs.toFixed(0)} | ${o.p95WaitMs.toFixed(0)} | ${o.note} |`,
      );
    }
  }
  lines.push('', ...runs.map((r) => `- ${r.kind}: ${r.version.split(',')[0]}`));
  return lines.join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) => openBenchDatabase(kind, { poolSize: 10, tmpPrefix: 'kizuna-bench-all-' }),
    run: benchDatabase,
    report,
    write: !args['no-write'],
    marker: `bench:all-members:${LABEL}`,
    heading: '# Work over all members (bench:all-members)',
  }),
);
