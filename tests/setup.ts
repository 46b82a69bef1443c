import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import { createApp } from '#server/app';
import { type Database, openDatabase } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { domainHooks } from '#server/hooks';
import { fixedClock } from '#server/lib/clock';
import { type EnvInput, testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMemoryMailer } from '#server/lib/mail';
import { createQueue } from '#server/lib/queue';
import { checkConformance } from './openapi-conformance';

const silentLogger = createLogger('silent');

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the server at TEST_DATABASE_URL (npm run test:pg), dropped when `close()` is called.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase();
    await applyMigrations(database);
    return database;
  }
  const name = `kizuna_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await applyMigrations(database);
  return {
    ...database,
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      // Not `with (force)` at first: that terminates connections the pool is still closing, which
      // surfaces as an unhandled 57P01 in whichever test file runs next. Wait for them instead.
      let dropped = false;
      for (let attempt = 0; attempt < 50 && !dropped; attempt++) {
        dropped = await drop.query(`drop database if exists ${name}`).then(
          () => true,
          () => false,
        );
        if (!dropped) await new Promise((r) => setTimeout(r, 100));
      }
      if (!dropped) await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

export const ORIGIN = 'http://localhost:3000';

/** `fetch`-like calls into an app as our own web origin, with an optional cookie and JSON body. */
export function requestAs(app: {
  request: (url: string, init: RequestInit) => Response | Promise<Response>;
}) {
  return (path: string, init: RequestInit & { cookie?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', ORIGIN);
    if (init.cookie) headers.set('cookie', init.cookie);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const url = `${ORIGIN}${path}`;
    return Promise.resolve(app.request(url, { ...init, headers, body })).then(async (res) => {
      // Under vitest every answer is checked against the OpenAPI document (not in the benchmarks).
      if (process.env.VITEST) await checkConformance(app, init.method ?? 'GET', url, res);
      return res;
    });
  };
}

/** An app over a fresh database, with a memory mailer and a controllable clock. */
export async function createTestApp(
  options: { env?: EnvInput; clock?: ReturnType<typeof fixedClock>; webRoot?: string } = {},
) {
  const database = await createTestDatabase();
  const mailer = createMemoryMailer();
  const clock = options.clock ?? fixedClock('2026-11-24T03:00:00Z');
  const env = testEnv(options.env);
  // Jobs run only when a test calls `queue.drain()`: deterministic, no background polling.
  const queue = createQueue({ raw: database.raw, logger: silentLogger, workers: false });
  const app = createApp({
    db: database.db,
    env,
    clock,
    mailer,
    queue,
    logger: silentLogger,
    webRoot: options.webRoot,
  });
  await queue.start();
  const request = requestAs(app);
  const close = async () => {
    await queue.stop();
    await database.close();
  };
  // The same wiring createApp gives its services (server/hooks.ts), for tests that call them directly.
  const hooks = domainHooks();
  return { app, db: database.db, database, mailer, clock, env, queue, hooks, request, close };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Fail any test that logs an unexpected console.error (Epic Stack's habit). */
export function failOnConsoleError() {
  const original = console.error;
  let logged: unknown[][] = [];
  console.error = (...args: unknown[]) => {
    logged.push(args);
    original(...args);
  };
  afterEach(() => {
    const found = logged;
    logged = [];
    if (found.length > 0) throw new Error(`console.error was called: ${String(found[0]?.[0])}`);
  });
}
