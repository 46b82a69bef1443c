import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/demo/seed';

/**
 * Two app processes on one PostgreSQL database, as behind a load balancer (decision 030): rate
 * limits are counted once for both, a cache dropped through one is dropped in the other, and a
 * scheduled job runs once. Collected only when TEST_DATABASE_URL is set (vitest.config.ts).
 */
const serverUrl = process.env.TEST_DATABASE_URL as string;
const dbName = `kizuna_mp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();
const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-mp-'));
const secret = randomBytes(32).toString('hex');
const PASSWORD = 'kizuna-demo-2026';
const running = new Set<ChildProcess>();

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = serverUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

interface Proc {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function start(port: number): Promise<Proc> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: base,
      DATA_DIR: dataDir,
      AUTH_SECRET: secret,
      SEED_MEMBERS: '0',
      LOG_LEVEL: 'info',
      // Each step speaks from its own client address, so the steps do not share rate limits.
      TRUSTED_PROXIES: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  return { child, base, output: () => output };
}

async function ready(proc: Proc) {
  const deadline = Date.now() + 120_000;
  while (!proc.output().includes('is running at')) {
    if (proc.child.exitCode !== null) throw new Error(`exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`did not start:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** A request to one process, from client address `from` (believed: the peer is a trusted proxy). */
function call(
  proc: Proc,
  path: string,
  init: { method?: string; json?: unknown; cookie?: string; from: string },
) {
  const headers: Record<string, string> = { origin: proc.base, 'x-forwarded-for': init.from };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${proc.base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function signIn(proc: Proc, email: string, from: string) {
  const res = await call(proc, '/api/auth/sign-in/email', {
    method: 'POST',
    json: { email, password: PASSWORD },
    from,
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, id: body.user.id };
}

let a: Proc;
let b: Proc;

beforeAll(async () => {
  await admin((c) => c.query(`create database ${dbName}`));
  // Both at once: they migrate and seed one after the other (a startup lock), then both serve.
  [a, b] = await Promise.all([start(await freePort()), start(await freePort())]);
  await Promise.all([ready(a), ready(b)]);
}, 180_000);

afterAll(async () => {
  const codes = await Promise.all([...running].map((child) => stop(child)));
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  expect(codes.every((code) => code === 0)).toBe(true);
}, 60_000);

describe('two app processes on one PostgreSQL database', () => {
  it('seeded once, though both started on an empty database', async () => {
    const seeds = [a, b].filter((p) => p.output().includes('first start: seeding'));
    expect(seeds).toHaveLength(1);
    // One seed's worth: every demo login exactly once, and no name written twice — the demo is
    // deterministic, so a second seed would have added every member a second time.
    const logins = await admin(
      (c) =>
        c.query<{ email: string; n: number }>(
          'select email, count(*)::int as n from users where email = any($1) group by email',
          [DEMO_LOGINS.map((l) => l.email)],
        ),
      databaseUrl,
    );
    expect(logins.rows.map((r) => r.n)).toEqual(DEMO_LOGINS.map(() => 1));
    const twice = await admin(
      (c) =>
        c.query<{ n: number }>(
          'select count(*)::int as n from (select name from users group by name having count(*) > 1) d',
        ),
      databaseUrl,
    );
    expect(twice.rows[0]?.n).toBe(0);
  });

  it('the 11th sign-in attempt spread across both processes answers 429 with Retry-After', async () => {
    // SIGN_IN_RATE_LIMIT (per address, a minute) and SIGN_IN_ACCOUNT_RATE_LIMIT (per account,
    // 15 minutes) are both 10 (decision 025): ten wrong guesses alternate between the processes.
    const from = '203.0.113.11';
    const attempt = (proc: Proc) =>
      call(proc, '/api/auth/sign-in/email', {
        method: 'POST',
        json: { email: 'leaver@kizuna.example', password: 'not the password' },
        from,
      });
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 === 0 ? a : b)).status).toBe(401);
    for (const proc of [a, b]) {
      const refused = await attempt(proc);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('a visibility-limit change made through one process is honoured by the other within a second', async () => {
    const word = `zephyr${randomBytes(4).toString('hex')}`;
    const hr = await signIn(a, 'hr@kizuna.example', '203.0.113.21');
    const employee = await signIn(a, 'employee@kizuna.example', '203.0.113.22');
    const alumni = await signIn(b, 'alumni@kizuna.example', '203.0.113.23');
    const edited = await call(a, `/api/members/${employee.id}`, {
      method: 'PATCH',
      json: { bio: `${word} です`, visibility: { bio: 'members' } },
      cookie: employee.cookie,
      from: '203.0.113.22',
    });
    expect(edited.status).toBe(200);

    const limitsOnB = async () => {
      const res = await call(b, '/api/settings/profile-visibility', {
        cookie: hr.cookie,
        from: '203.0.113.21',
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as Record<string, string>).bio;
    };
    const foundOnB = async () => {
      const res = await call(b, `/api/directory?q=${word}`, { cookie: alumni.cookie, from: '203.0.113.23' });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.some((i) => i.id === employee.id);
    };
    // Process B reads (and caches) the limits in force.
    expect(await limitsOnB()).toBe('members');
    expect(await foundOnB()).toBe(true);

    const put = await call(a, '/api/settings/profile-visibility', {
      method: 'PUT',
      json: { bio: 'employees' },
      cookie: hr.cookie,
      from: '203.0.113.21',
    });
    expect(put.status).toBe(200);
    const changed = Date.now();
    let limit = await limitsOnB();
    let found = await foundOnB();
    while ((limit !== 'employees' || found) && Date.now() - changed < 1_000) {
      await new Promise((r) => setTimeout(r, 50));
      limit = await limitsOnB();
      found = await foundOnB();
    }
    expect(limit).toBe('employees');
    expect(found).toBe(false);
    expect(Date.now() - changed).toBeLessThan(1_000);
  });

  it('a message sent through one process reaches the other participant’s stream on the other (LISTEN/NOTIFY)', async () => {
    const hr = await signIn(a, 'hr@kizuna.example', '203.0.113.41');
    const alumnus = await signIn(b, 'alumni@kizuna.example', '203.0.113.42');
    const controller = new AbortController();
    const stream = await fetch(`${b.base}/api/conversations/stream`, {
      headers: { cookie: alumnus.cookie, 'x-forwarded-for': '203.0.113.42' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const body = `across processes ${randomBytes(4).toString('hex')}`;
    const received = (async () => {
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
        if (buffer.includes(body)) return buffer;
      }
    })();
    // The stream on b listens before the send on a.
    await new Promise((r) => setTimeout(r, 200));
    const sent = await call(a, '/api/conversations', {
      method: 'POST',
      json: { participantIds: [alumnus.id], body },
      cookie: hr.cookie,
      from: '203.0.113.41',
    });
    expect(sent.status).toBe(201);
    const got = await Promise.race([received, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    controller.abort();
    expect(got).toContain('event: message');
  });

  it('a scheduled job runs once per slot, whichever process sends and works it', async () => {
    // `mail.sweep` is scheduled every minute; both processes run pg-boss's cron and workers.
    // Watch until two slots have passed, then each slot must hold exactly one job, run once.
    const slots = () =>
      admin(
        (c) =>
          c.query<{ slot: string; jobs: number; ran: number }>(
            `select date_trunc('minute', created_on)::text as slot, count(*)::int as jobs,
                    count(*) filter (where state = 'completed' and retry_count = 0)::int as ran
               from pgboss.job where name = 'mail.sweep' group by 1 order by 1`,
          ),
        databaseUrl,
      ).then((r) => r.rows);
    const deadline = Date.now() + 150_000;
    let rows = await slots();
    while ((rows.length < 2 || rows.some((r) => r.ran < r.jobs)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      rows = await slots();
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatchObject({ jobs: 1, ran: 1 });
  }, 180_000);
});
