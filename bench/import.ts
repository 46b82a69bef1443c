/**
 * HR import benchmark (`npm run bench:import`): writes a CSV of 300,000 realistic rows (names from
 * the member factories), then times the real import job (`runImport`: streaming parse, row
 * validation, duplicate and erasure checks, batched upserts with rows_done in each transaction)
 * against a plain `COPY … FROM` of the same file into a scratch table, in the same run, on:
 *   - PGlite (in memory; COPY through /dev/blob), and
 *   - PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a
 *     fresh database per run, dropped afterwards; COPY reads the file server-side (same machine).
 * Each import run starts from an empty hr_records table. Prints a Markdown table for
 * bench/RESULTS.md ("Import" section).
 *
 *   npm run bench:import -- [--rows 300000] [--runs 3] [--db pglite|postgres|both] [--reimport]
 *
 * The 1-minute load average is sampled every 5 s during the run and printed with the results, and
 * each import's CPU time (node; PostgreSQL backends) and load average at its start and end: on a
 * shared machine they say how far the figures are upper bounds.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { suggestMapping } from '#common/hr-import';
import { type Database, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { hrImports } from '#server/db/schema/index';
import { fakeMember, rng } from '#server/demo/member-data';
import { runImport } from '#server/features/hr-records/hr-import.job';
import { importFilePath } from '#server/features/hr-records/hr-import.service';
import { systemClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { type DbKind, openBenchDatabase } from './harness';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string', default: 'both' },
    /** Also time a second import of the same file (every row unchanged: the idempotent path). */
    reimport: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const work = mkdtempSync(join(tmpdir(), 'kizuna-bench-import-'));
chmodSync(work, 0o755);
const env = testEnv({ DATA_DIR: work });
const logger = createLogger('silent');
const HEADER = '社員番号,姓,名,セイ,メイ,入社日,退職日,部署,役職,勤務地,メール,個人メール';
const q = (s: string | null | undefined) =>
  s && /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : (s ?? '');

function writeCsv(path: string) {
  const r = rng(7);
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const m = fakeMember(r, i, { role: 'alumni' });
    const p = m.profile ?? {};
    lines.push(
      [
        `B${String(i).padStart(7, '0')}`,
        m.names.familyName,
        m.names.givenName,
        m.names.familyNameKana,
        m.names.givenNameKana,
        p.joinedOn?.replaceAll('-', '/'),
        p.leftOn,
        (p.departments ?? []).join('/'),
        p.lastTitle,
        p.office,
        `b${i}@corp.example`,
        i % 3 === 0 ? `alumni${i}@mail.example` : '',
      ]
        .map(q)
        .join(','),
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** CPU time (node, and the PostgreSQL backends of the run) of each timed import: load-independent. */
const cpuSeconds: { node: number; server: number; load: [number, number] }[] = [];
/** Every first import's CPU split and 1-minute load average (start–end), per database, for the table. */
const firstImports = new Map<string, { node: number; server: number; load: [number, number] }[]>();

/** CPU ms used so far by each backend of this database (same machine: /proc/<pid>/stat). */
async function serverCpu(database: Database): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (database.kind !== 'postgres') return result;
  const rows = await queryRows<{ pid: number }>(
    database.db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime (fields 14 and 15 of stat; 12 and 13 after the command) in clock ticks.
      result.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // Another machine, or no /proc: server CPU is not measured.
    }
  }
  return result;
}

/** Imports the file with the real job; `expect` = rows created (first import) or unchanged (again). */
async function timeImport(database: Database, csvPath: string, expect: 'created' | 'unchanged' = 'created') {
  const id = randomUUID();
  const headers = HEADER.split(',');
  mkdirSync(join(work, 'imports'), { recursive: true });
  // The job deletes the file when done: give it its own copy.
  writeFileSync(importFilePath(env, id), readFileSync(csvPath));
  await database.db.insert(hrImports).values({
    id,
    fileName: 'bench.csv',
    fileSize: statSync(csvPath).size,
    encoding: 'utf-8',
    headers,
    mapping: suggestMapping(headers),
    status: 'queued',
    rowsTotal: ROWS,
  });
  const serverBefore = await serverCpu(database);
  const loadBefore = loadavg()[0] ?? 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await runImport(
    { db: database.db, env, clock: systemClock, logger },
    {
      importId: id,
      sliceMs: Number.POSITIVE_INFINITY,
    },
  );
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const serverAfter = await serverCpu(database);
  let serverMs = 0;
  for (const [pid, after] of serverAfter) serverMs += after - (serverBefore.get(pid) ?? 0);
  const split = {
    node: (cpu.user + cpu.system) / 1e6,
    server: serverMs / 1000,
    load: [loadBefore, loadavg()[0] ?? 0] as [number, number],
  };
  cpuSeconds.push(split);
  if (expect === 'created')
    firstImports.set(database.kind, [...(firstImports.get(database.kind) ?? []), split]);
  const [row] = await queryRows<{ created: number; unchanged: number; rejected: number }>(
    database.db,
    sql`select rows_created as created, rows_unchanged as unchanged, rows_rejected as rejected
        from hr_imports where id = ${id}`,
  );
  if (outcome !== 'done' || row?.[expect] !== ROWS)
    throw new Error(`import incomplete: ${outcome} ${JSON.stringify(row)}`);
  return ms;
}

/** CPU seconds of the timed imports of the last run (first import; re-import). */
const cpuNote = () =>
  cpuSeconds
    .splice(0)
    .map(
      (c) =>
        `node ${c.node.toFixed(1)} s + server ${c.server.toFixed(1)} s (load ${c.load[0].toFixed(1)}→${c.load[1].toFixed(1)})`,
    )
    .join('; ');
const reimportNote = (reimports: number[]) =>
  args.reimport ? `, re-import ${Math.round(reimports.at(-1) ?? 0)} ms` : '';

const SCRATCH = `create table copy_scratch (${HEADER.split(',')
  .map((_, i) => `c${i} text`)
  .join(', ')})`;

/** Plain `COPY … FROM` of the file into a scratch table: PGlite through /dev/blob, PostgreSQL server-side. */
async function timeCopy(database: Database, csvPath: string) {
  if (database.kind === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await client.exec(SCRATCH);
    const blob = new Blob([readFileSync(csvPath)]);
    const started = performance.now();
    await client.query(`copy copy_scratch from '/dev/blob' with (format csv, header true)`, [], { blob });
    return performance.now() - started;
  }
  await database.db.execute(sql.raw(SCRATCH));
  const started = performance.now();
  await database.db.execute(sql.raw(`copy copy_scratch from '${csvPath}' with (format csv, header true)`));
  return performance.now() - started;
}

async function benchKind(kind: DbKind, csvPath: string) {
  const imports: number[] = [];
  const reimports: number[] = [];
  const copies: number[] = [];
  let version = '';
  for (let run = 0; run < RUNS; run++) {
    // PGlite in memory; PostgreSQL: a fresh database per run, dropped without `with (force)`
    // (that would kill the pool's connections that are still closing).
    const { database, dispose } = await openBenchDatabase(kind, {
      server: SERVER,
      poolSize: 4,
      memory: true,
      gentleDrop: true,
    });
    try {
      await applyMigrations(database);
      version ||= String((await queryRows<{ v: string }>(database.db, sql`select version() as v`))[0]?.v);
      imports.push(await timeImport(database, csvPath));
      if (args.reimport) reimports.push(await timeImport(database, csvPath, 'unchanged'));
      copies.push(await timeCopy(database, csvPath));
    } finally {
      await dispose();
    }
    process.stderr.write(
      `${kind} run ${run + 1}: import ${Math.round(imports.at(-1) ?? 0)} ms${reimportNote(reimports)}, copy ${Math.round(copies.at(-1) ?? 0)} ms · CPU ${cpuNote()}\n`,
    );
  }
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  return { name: `${name} (${version.split(' on ')[0]})`, kind, imports, reimports, copies };
}

const csvPath = join(work, 'hr-export.csv');
const t0 = performance.now();
writeCsv(csvPath);
chmodSync(csvPath, 0o644);
process.stderr.write(
  `wrote ${ROWS} rows (${(statSync(csvPath).size / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - t0)} ms\n`,
);
const loads: number[] = [loadavg()[0] ?? 0];
const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);
const results = [];
try {
  if (args.db !== 'postgres') results.push(await benchKind('pglite', csvPath));
  if (args.db !== 'pglite') results.push(await benchKind('postgres', csvPath));
} finally {
  clearInterval(sampler);
  rmSync(work, { recursive: true, force: true });
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = `load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, median ${median(loads).toFixed(1)}`;
const lines = [
  `${ROWS.toLocaleString('en')} rows, ${RUNS} run(s) each, medians · ${new Date().toISOString().slice(0, 10)} · ${cpus().length}× ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · ${load}`,
  '',
  `| database | import | rows/s |${args.reimport ? ' re-import (unchanged) |' : ''} plain COPY | import ÷ COPY | import runs | CPU per import (node + server) | load (1 min) per import |`,
  `| --- | ---: | ---: |${args.reimport ? ' ---: |' : ''} ---: | ---: | --- | --- | --- |`,
  ...results.map((r) => {
    const imp = median(r.imports);
    const copy = median(r.copies);
    const again = args.reimport ? ` ${s(median(r.reimports))} |` : '';
    const splits = firstImports.get(r.kind) ?? [];
    // PGlite runs inside node: its CPU time is all node's.
    const cpu = splits
      .map((c) =>
        r.kind === 'pglite' ? `${c.node.toFixed(1)} s` : `${c.node.toFixed(1)} + ${c.server.toFixed(1)} s`,
      )
      .join(', ');
    const loads = splits.map((c) => `${c.load[0].toFixed(1)}→${c.load[1].toFixed(1)}`).join(', ');
    return `| ${r.name} | ${s(imp)} | ${Math.round(ROWS / (imp / 1000)).toLocaleString('en')} |${again} ${s(copy)} | ${(imp / copy).toFixed(1)}× | ${r.imports.map(s).join(', ')} | ${cpu} | ${loads} |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
