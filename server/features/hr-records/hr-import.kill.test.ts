import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '#common/hr-import';
import { openDatabase, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { hrImports } from '#server/db/schema/index';
import { importFilePath } from './hr-import.service';

const CHILD = fileURLToPath(new URL('../../../tests/harness/hr-import.kill-child.ts', import.meta.url));
const ROWS = 400;
const work = mkdtempSync(join(tmpdir(), 'kizuna-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 400 data rows: every 37th is invalid (no name), every 50th repeats an earlier employee number. */
function csv() {
  const lines = ['社員番号,姓,名,セイ,メイ,入社日,退職日,部署'];
  let bad = 0;
  for (let i = 1; i <= ROWS; i++) {
    if (i % 50 === 0) {
      lines.push(`K${i - 7},重複,行,じゅうふく,ぎょう,2010-04-01,2020-03-31,"営業部"`);
      bad++;
    } else if (i % 37 === 0) {
      lines.push(`K${i},,名無し,,,2010-04-01,,総務部`);
      bad++;
    } else lines.push(`K${i},山田,"太郎${i}",やまだ,たろう,2010/4/1,2020/3/31,"営業部/東京, 本社"`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, good: ROWS - bad, bad };
}

function runChild(target: string, dataDir: string, importId: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, dataDir, importId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    // 'close', not 'exit': output can still arrive after the process has exited.
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out, errors: () => err };
}

async function waitFor(check: () => boolean, ms = 60_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Kill the importing process with SIGKILL mid-import (twice), run it again, check the result. */
async function killAndResume(target: string) {
  const dataDir = join(work, randomUUID());
  const id = randomUUID();
  const { text, good, bad } = csv();
  const headers = text.split('\r\n')[0]?.split(',') ?? [];
  mkdirSync(join(dataDir, 'imports'), { recursive: true });
  writeFileSync(importFilePath({ DATA_DIR: dataDir }, id), text);

  const setup = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  await applyMigrations(setup);
  await setup.db.insert(hrImports).values({
    id,
    fileName: 'kill.csv',
    fileSize: text.length,
    encoding: 'utf-8',
    headers,
    mapping: suggestMapping(headers),
    status: 'queued',
    rowsTotal: ROWS,
  });
  await setup.close();

  // Killed twice at different moments — right after a commit, and ~30 ms later (the child pauses
  // 25 ms after each commit), when the next batch is being committed — then run to the end.
  for (const [after, delayMs] of [
    [100, 0],
    [220, 30],
  ] as const) {
    const run = runChild(target, dataDir, id);
    await waitFor(() => {
      const done = [...run.output().matchAll(/batch (\d+)\n/g)].map((m) => Number(m[1]));
      return Math.max(0, ...done) >= after || run.child.exitCode !== null;
    });
    await new Promise((r) => setTimeout(r, delayMs));
    (run.child as ChildProcess).kill('SIGKILL');
    const killed = await run.exited;
    expect(killed.signal, run.errors()).toBe('SIGKILL');
    expect(run.output()).not.toContain('outcome');
  }

  const last = runChild(target, dataDir, id);
  const finished = await last.exited;
  expect(finished.code, last.errors()).toBe(0);
  expect(last.output()).toContain('outcome done');
  // The last run started after the last committed batch, not from the top.
  expect(last.output()).not.toMatch(/^batch 20\n/);

  const check = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  try {
    const [row] = await queryRows<Record<string, number | string>>(
      check.db,
      sql`select status, rows_done, rows_created, rows_updated, rows_unchanged, rows_rejected from hr_imports where id = ${id}`,
    );
    expect(row).toEqual({
      status: 'done',
      rows_done: ROWS,
      rows_created: good,
      rows_updated: 0,
      rows_unchanged: 0,
      rows_rejected: bad,
    });
    const [counts] = await queryRows<{ records: number; distinct_numbers: number; errors: number }>(
      check.db,
      sql`select (select count(*)::int from hr_records) as records,
                 (select count(distinct employee_number)::int from hr_records) as distinct_numbers,
                 (select count(*)::int from hr_import_errors where import_id = ${id}) as errors`,
    );
    expect(counts).toEqual({ records: good, distinct_numbers: good, errors: bad });
  } finally {
    await check.close();
  }
}

/** The suite's backend: file-backed PGlite under `npm test`, PostgreSQL under `npm run test:pg`. */
async function withTarget(run: (target: string) => Promise<void>) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return run(join(work, 'pglite'));
  const name = `kizuna_kill_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    // Without force: a forced drop would kill the test's own pool connections that are still
    // closing (an unhandled 57P01). Retry until they are gone.
    for (let attempt = 0; attempt < 50; attempt++) {
      const dropped = await admin.query(`drop database if exists ${name}`).then(
        () => true,
        () => false,
      );
      if (dropped) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.end();
  }
}

describe('an import killed with SIGKILL', () => {
  it('resumes without loss or duplicates (file-backed PGlite, or PostgreSQL under test:pg)', async () => {
    await withTarget(killAndResume);
  }, 120_000);
});
