import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client';

/**
 * The real thing: a separate process runs the bulk invitation job against a database on disk
 * (file-backed PGlite, or PostgreSQL with TEST_DATABASE_URL), is killed with SIGKILL half-way,
 * and a restarted process finishes it. Every record ends with exactly one invitation and one
 * email, sent once.
 */
const CHILD = fileURLToPath(new URL('../../../tests/harness/bulk-kill.child.ts', import.meta.url));
const RECORDS = 500;

let dir: string;
let dbUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;
const sentFile = () => join(dir, 'sent.txt');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kizuna-kill-'));
  writeFileSync(sentFile(), '');
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `kizuna_kill_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    dbUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
});
afterAll(async () => {
  await dropDb?.();
  rmSync(dir, { recursive: true, force: true });
});

function start(mode: string): {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      KZ_MODE: mode,
      KZ_SENT_FILE: sentFile(),
      KZ_RECORDS: String(RECORDS),
      ...(dbUrl ? { KZ_DB_URL: dbUrl } : { KZ_DATA_DIR: join(dir, 'pglite') }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout
    ?.setEncoding('utf8')
    .on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code) process.stdout.write(`child ${mode} failed:\n${stderr}\n`);
      resolve({ code, signal });
    }),
  );
  return { child, lines, exited };
}

const invitedSoFar = (lines: string[]) => {
  const last = lines.filter((l) => l.startsWith('invited ')).at(-1);
  return last ? Number(last.split(' ')[1]) : 0;
};

describe('bulk invitations survive SIGKILL', () => {
  it('a killed bulk job resumes after restart: one invitation and one email per record', async () => {
    const setup = start('setup');
    expect((await setup.exited).code).toBe(0);
    const batchLine = setup.lines.find((l) => l.startsWith('batch '));
    expect(batchLine?.split(' ')[2]).toBe(String(RECORDS));

    const bulk = start('bulk');
    // Kill it once some chunks are committed, while it is working on the next one.
    const deadline = Date.now() + 120_000;
    while (invitedSoFar(bulk.lines) < 200 && bulk.child.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    bulk.child.kill('SIGKILL');
    const killed = await bulk.exited;
    expect(killed.signal).toBe('SIGKILL');
    expect(bulk.lines).not.toContain('finished');
    const atKill = invitedSoFar(bulk.lines);
    expect(atKill).toBeGreaterThanOrEqual(200);
    expect(atKill).toBeLessThan(RECORDS);

    const resume = start('resume');
    expect((await resume.exited).code).toBe(0);
    expect(resume.lines).toContain('resumed');

    const database = await openDatabase(dbUrl ? { url: dbUrl } : { dataDir: join(dir, 'pglite') });
    try {
      const perRecord = await database.raw.query(
        `select count(*)::int as records, min(n)::int as min, max(n)::int as max from (
           select r.id, count(i.id) as n from hr_records r left join invitations i on i.hr_record_id = r.id
           group by r.id) x`,
      );
      expect(perRecord.rows[0]).toEqual({ records: RECORDS, min: 1, max: 1 });
      const perMail = await database.raw.query(
        `select count(*)::int as mails, count(distinct subject_id)::int as invitations,
                count(*) filter (where status = 'sent')::int as sent from mail_messages where kind = 'invitation'`,
      );
      expect(perMail.rows[0]).toEqual({ mails: RECORDS, invitations: RECORDS, sent: RECORDS });
      const batch = await database.raw.query('select status, invited from invitation_batches');
      expect(batch.rows).toEqual([{ status: 'done', invited: RECORDS }]);
    } finally {
      await database.close();
    }
    const sent = readFileSync(sentFile(), 'utf8').split('\n').filter(Boolean);
    expect(sent).toHaveLength(RECORDS);
    expect(new Set(sent).size).toBe(RECORDS);
  }, 240_000);
});
