/**
 * What the benchmarks share: a database to measure on (PGlite in a temporary directory or in
 * memory, or a `kizuna_bench_<hex>` database created on a PostgreSQL server for the run), the
 * block of bench/RESULTS.md a benchmark rewrites between its markers, the commit measured, and
 * the main tail (each database in turn, the report printed and written, a failure's cause printed).
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import { type Database, openDatabase } from '#server/db/client';

export type DbKind = 'pglite' | 'postgres';

/** The PostgreSQL server of the benchmarks that do not say otherwise. */
export const BENCH_SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabaseOptions {
  /** PostgreSQL: the server on which the bench database is created (default BENCH_SERVER). */
  server?: string;
  poolSize?: number;
  /** Keep the database (PGlite directory, PostgreSQL database) and print where it is. */
  keep?: boolean;
  /** A kept one to measure again: a PGlite data directory, or a `kizuna_bench_…` database. */
  reuse?: string | null;
  /** PGlite in memory rather than in a temporary directory. */
  memory?: boolean;
  /** The temporary directory's name prefix (PGlite). */
  tmpPrefix?: string;
  /**
   * PostgreSQL: drop the database without `with (force)`, retrying while the pool's connections
   * are still closing (force would kill them).
   */
  gentleDrop?: boolean;
}

export interface BenchDatabase {
  database: Database;
  dispose(): Promise<void>;
}

async function adminQuery(server: string, text: string) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

export async function openBenchDatabase(
  kind: DbKind,
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  const { keep = false, reuse = null } = options;
  if (kind === 'pglite') {
    if (options.memory) {
      const database = await openDatabase();
      return { database, dispose: () => database.close() };
    }
    const dir = reuse ?? mkdtempSync(join(tmpdir(), options.tmpPrefix ?? 'kizuna-bench-'));
    const dataDir = reuse ? dir : join(dir, 'pglite');
    const database = await openDatabase({ dataDir });
    if (keep && !reuse) process.stdout.write(`  [pglite] data directory ${dataDir} (kept)\n`);
    return {
      database,
      async dispose() {
        await database.close();
        if (!keep && !reuse) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = options.server ?? BENCH_SERVER;
  const name = reuse ?? `kizuna_bench_${randomBytes(6).toString('hex')}`;
  if (!/^kizuna_bench_[0-9a-f]+$/.test(name)) throw new Error(`--reuse: not a bench database: ${name}`);
  if (!reuse) await adminQuery(server, `create database ${name}`);
  if (keep || reuse) process.stdout.write(`  [postgres] database ${name} (kept)\n`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: options.poolSize });
  return {
    database,
    async dispose() {
      await database.close();
      if (keep || reuse) return;
      if (!options.gentleDrop) {
        await adminQuery(server, `drop database if exists ${name} with (force)`);
        return;
      }
      for (let attempt = 0; attempt < 50; attempt++) {
        const dropped = await adminQuery(server, `drop database if exists ${name}`).then(
          () => true,
          () => false,
        );
        if (dropped) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/**
 * The databases `--db pglite|postgres|both` asks for. With `postgresNeeds` (an environment
 * variable), PostgreSQL is skipped under `both` when it is unset, and `--db postgres` fails.
 */
export function benchKinds(db: string | undefined, { postgresNeeds }: { postgresNeeds?: string } = {}) {
  const kinds: DbKind[] = [];
  if (db === 'both' || db === 'pglite') kinds.push('pglite');
  const available = !postgresNeeds || Boolean(process.env[postgresNeeds]);
  if ((db === 'both' || db === 'postgres') && available) kinds.push('postgres');
  if (db === 'postgres' && !available) throw new Error(`--db postgres needs ${postgresNeeds}`);
  return kinds;
}

/**
 * Replaces the block between `<!-- <marker>:start -->` and `<!-- <marker>:end -->` in
 * bench/RESULTS.md, or appends it under `heading` (a Markdown heading line) when there is none.
 */
export function writeResultsBlock({
  marker,
  heading,
  markdown,
}: {
  marker: string;
  heading: string;
  markdown: string;
}) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const file = new URL('./RESULTS.md', import.meta.url);
  const block = `${start}\n${markdown}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const next =
    current.includes(start) && current.includes(end)
      ? current.slice(0, current.indexOf(start)) + block + current.slice(current.indexOf(end) + end.length)
      : `${current.trim() ? `${current.trimEnd()}\n\n` : ''}${heading}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** The commit measured, marked when the working tree had uncommitted changes. */
export function revision(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * For each kind: opens its database, runs the benchmark on it, disposes of it. Then prints the
 * report and, when `write`, puts it into bench/RESULTS.md between the `marker` lines.
 */
export async function runBench<R>({
  kinds,
  open = (kind) => openBenchDatabase(kind),
  run,
  report,
  write,
  marker,
  heading,
}: {
  kinds: DbKind[];
  open?: (kind: DbKind) => Promise<BenchDatabase>;
  run: (kind: DbKind, database: Database) => Promise<R>;
  report: (results: R[]) => string;
  write: boolean;
  marker: string;
  heading: string;
}) {
  const results: R[] = [];
  for (const kind of kinds) {
    const { database, dispose } = await open(kind);
    try {
      results.push(await run(kind, database));
    } finally {
      await dispose();
    }
  }
  const markdown = report(results);
  process.stdout.write(`\n${markdown}\n`);
  if (write) writeResultsBlock({ marker, heading, markdown });
}

/** Runs a benchmark's main; on failure prints the cause (the driver's error, when wrapped), exit code 1. */
export function benchMain(main: () => Promise<unknown>) {
  // Through a promise: a main that throws before its first await is caught too.
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      process.stderr.write(
        `benchmark failed: ${cause instanceof Error ? cause.stack : String(cause)}\n`.slice(0, 4000),
      );
      process.exitCode = 1;
    });
}

/** What `withProbe` measured: how long the work took and how long the probes waited. */
export interface ProbedRun {
  ms: number;
  probes: number;
  longestWaitMs: number;
  p95WaitMs: number;
  /** Probes that waited more than 100 ms (the issues' goal for the longest wait). */
  over100: number;
  /** The longest garbage-collection pause of this process while the work ran. */
  longestGcMs: number;
  /** Of the probes over 100 ms, those during which this process paused ≥ 20 ms for garbage collection. */
  over100WithGc: number;
  /** The longest this process's event loop was blocked (JS running, GC included) while the work ran. */
  longestLoopBlockMs: number;
  /** What the work said it did. */
  note: string;
}

/**
 * Sends a probe every `everyMs` while `work` runs, one at a time (a probe still waiting delays the
 * next, so the probes never pile up into a load of their own). A probe's wait runs from when it
 * was due: a timer that fires late because the event loop was busy counts as waiting. Used by the
 * benchmarks of work over all members (bench/all-members.ts, bench/digest.ts): the longest wait is
 * what freezes everyone else.
 */
export async function withProbe(
  probe: () => Promise<unknown>,
  work: () => Promise<string>,
  { everyMs = 50 }: { everyMs?: number } = {},
): Promise<ProbedRun> {
  const waits: number[] = [];
  const slow: { from: number; to: number }[] = [];
  // The process's own pauses: a probe that waited through one waited for this process, not the database.
  const pauses: { from: number; to: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ from: e.startTime, to: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let running = true;
  let ended = Number.POSITIVE_INFINITY;
  const started = performance.now();
  const probing = (async () => {
    let due = started + everyMs;
    for (;;) {
      const delay = due - performance.now();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      // Due before the work ended (even if the timer only fired after): it was waiting too.
      if (!running && due > ended) break;
      await probe();
      const answered = performance.now();
      waits.push(answered - due);
      if (answered - due > 100) slow.push({ from: due, to: answered });
      if (!running) break;
      due = Math.max(due + everyMs, performance.now());
    }
  })();
  const note = await work();
  ended = performance.now();
  running = false;
  await probing;
  observer.disconnect();
  loop.disable();
  waits.sort((a, b) => a - b);
  const long = pauses.filter((p) => p.to - p.from >= 20);
  return {
    ms: ended - started,
    probes: waits.length,
    longestWaitMs: waits.at(-1) ?? 0,
    p95WaitMs: waits[Math.floor(waits.length * 0.95)] ?? 0,
    over100: waits.filter((w) => w > 100).length,
    longestGcMs: Math.max(0, ...pauses.map((p) => p.to - p.from)),
    longestLoopBlockMs: loop.max / 1e6,
    over100WithGc: slow.filter((w) => long.some((p) => p.from < w.to && p.to > w.from)).length,
    note,
  };
}

/** The p-th percentile (0–100) of ascending-sorted samples, nearest rank. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
