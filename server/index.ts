import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase, withStartupLock } from './db/client';
import { applyMigrations } from './db/migrate';
import { DEMO_LOGINS, DEMO_PASSWORD, isSeeded, seedDemo } from './demo/seed';
import { resumeInterruptedImports } from './features/hr-records/hr-import.service';
import { resumeInvitationBatches } from './features/invitations/invitation-batches';
import { rebuildStaleSearchKeys } from './features/members/search-keys-rebuild';
import { type CacheListener, startCacheListener } from './lib/cache';
import { offsetClock, systemClock } from './lib/clock';
import { parseEnv } from './lib/env';
import { createLogger } from './lib/logger';
import { type MailCatcher, startMailCatcher } from './lib/mail-catcher';
import { createQueue } from './lib/queue';

/** The process host: parse env, open + migrate the database, seed on first start, listen. */
async function main() {
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const dataDir = resolve(env.DATA_DIR, 'pglite');
  const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal });
    server?.close();
    await queue?.stop().catch(() => undefined);
    await cacheListener?.close().catch(() => undefined);
    await catcher?.close().catch(() => undefined);
    // PGlite must be closed, or its data directory can be left corrupt.
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let server: ReturnType<typeof serve> | undefined;
  let queue: ReturnType<typeof createQueue> | undefined;
  let catcher: MailCatcher | undefined;
  let cacheListener: CacheListener | undefined;
  const prepare = async () => {
    await applyMigrations(database);
    const seeded = await isSeeded({ db: database.db });
    if (!seeded && env.NODE_ENV !== 'production') {
      logger.info('first start: seeding the demo organisation', { members: env.SEED_MEMBERS });
      const result = await seedDemo({ db: database.db, members: env.SEED_MEMBERS });
      logger.info('demo organisation ready', result);
    }
  };
  // Processes starting together on one server migrate, seed and create the job queues one at a
  // time (decision 030): pg-boss creating the same queue in two processes at once can deadlock.
  const oneAtATime = <T>(work: () => Promise<T>) =>
    env.DATABASE_URL ? withStartupLock(env.DATABASE_URL, work) : work();
  await oneAtATime(prepare);
  if (closing) return;
  // On a server several processes may share the database: caches are dropped in all of them
  // (decision 030). PGlite is one process.
  if (env.DATABASE_URL) {
    cacheListener = await startCacheListener({ url: env.DATABASE_URL, raw: database.raw, logger });
  }

  const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
  const jobQueue = createQueue({ raw: database.raw, logger, workers: true });
  queue = jobQueue;
  // No SMTP server configured outside production: a local catcher receives the mail over real
  // SMTP, and the admin outbox shows what arrived (decision 007).
  if (!env.SMTP_URL && env.NODE_ENV !== 'production') {
    catcher = await startMailCatcher({ logger });
    logger.info('mail goes to the local catcher (see /admin/outbox)', { smtp: catcher.url });
  }
  const appEnv = catcher ? { ...env, SMTP_URL: catcher.url } : env;
  // Outside production the clock can be moved forward (POST /api/dev/clock, decision 012).
  const clock = env.NODE_ENV === 'production' ? systemClock : offsetClock();
  const app = createApp({
    db: database.db,
    env: appEnv,
    logger,
    webRoot,
    queue,
    mailCatcher: catcher,
    clock,
  });
  await oneAtATime(() => jobQueue.start());
  // Imports a killed process left queued or running resume after the last committed batch.
  await resumeInterruptedImports({ db: database.db, queue });
  await resumeInvitationBatches({ db: database.db, queue });
  // Directory keys written by an older version are rebuilt in the background, batch by batch.
  void rebuildStaleSearchKeys({ db: database.db }).then(
    (result) => result.rebuilt > 0 && logger.info('directory search keys rebuilt', result),
    (error) => logger.error('directory search keys rebuild failed', { error: String(error) }),
  );
  if (closing) return;
  server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
    const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${dataDir}`;
    const lines = [
      '',
      `  絆 Kizuna is running at ${env.BASE_URL}`,
      `  Data: ${where}`,
      `  API docs: ${env.BASE_URL}/api/docs (after signing in)`,
    ];
    if (env.NODE_ENV !== 'production') {
      lines.push(`  Demo logins (password: ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(15)} ${login.email}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  });
}

main().catch((error) => {
  process.stderr.write(`Kizuna failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
