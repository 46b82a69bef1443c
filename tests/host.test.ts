import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The process host as `npm start` runs it (without the UI build): first start seeds, a second
// start reuses the data, SIGTERM closes PGlite and exits cleanly.
const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-host-'));
const running = new Set<ChildProcess>();
afterAll(() => {
  // A failed assertion must not leave a server behind.
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      SEED_MEMBERS: '40',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
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
  const deadline = Date.now() + 60_000;
  while (!output.includes('is running at')) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function memberCount(port: number) {
  const base = `http://localhost:${port}`;
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'hr@kizuna.example', password: 'kizuna-demo-2026' }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/directory/facets?scope=all`, { headers: { cookie } });
  return (await res.json()).total as number;
}

describe('the process host', () => {
  it('seeds once, reuses the data on restart and shuts down cleanly', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const first = await start(port);
    expect(first.output()).toContain('first start: seeding');
    expect(first.output()).toContain('hr@kizuna.example');
    expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
    const count = await memberCount(port);
    // 45 demo members, and 7 alumni whose roads /careers/paths shows (issue 11).
    expect(count).toBe(52);
    expect(await stop(first.child)).toBe(0);

    const second = await start(port);
    expect(second.output()).not.toContain('first start: seeding');
    expect(await memberCount(port)).toBe(count);
    expect(await stop(second.child)).toBe(0);
  }, 120_000);
});
