/**
 * `npm run seed -- [--members N] [--reset]`: fills the database the server would use
 * (DATABASE_URL, else PGlite in DATA_DIR) with the demo organisation.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, type Db, openDatabase, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { DEMO_LOGINS, DEMO_PASSWORD, isSeeded, seedDemo } from './seed';

const USAGE = `Usage: npm run seed -- [--members N] [--reset]
  --members N  fake members besides the ${DEMO_LOGINS.length} demo logins (default: SEED_MEMBERS or 3000)
  --reset      delete all data first
Database: DATABASE_URL (PostgreSQL) or PGlite in DATA_DIR (default ./data).`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      members: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const raw = values.members ?? process.env.SEED_MEMBERS ?? '3000';
  const members = Number(raw);
  if (!Number.isInteger(members) || members < 0 || members > 1_000_000) {
    throw new UsageError(`--members must be a whole number from 0 to 1,000,000 (got "${raw}")`);
  }
  return { members, reset: values.reset, help: values.help };
}

class UsageError extends Error {}

/** Empties every application table (not the migrations journal, which lives in schema `drizzle`). */
async function deleteAllData(db: Db) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`,
  );
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate table ${tables.map((t) => `"${t.name}"`).join(', ')} cascade`));
}

async function main() {
  const options = parseOptions();
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.DATA_DIR ?? './data', 'pglite');
  const where = url ? `PostgreSQL at ${new URL(url).host}${new URL(url).pathname}` : `PGlite at ${dataDir}`;
  const log = (message: string) => process.stdout.write(`  ${message}\n`);

  let database: Database | undefined;
  try {
    if (!url) mkdirSync(dirname(dataDir), { recursive: true });
    database = await openDatabase(url ? { url } : { dataDir });
    await applyMigrations(database);
    if (options.reset) {
      log(`deleting all data in ${where}`);
      await deleteAllData(database.db);
    } else if (await isSeeded({ db: database.db })) {
      throw new UsageError(
        `${where} already has members. Run with --reset to delete all data and seed again.`,
      );
    }
    log(`seeding ${options.members.toLocaleString('en')} members into ${where}`);
    const result = await seedDemo({ db: database.db, members: options.members, log });
    const rate = Math.round(result.members / (result.ms / 1000));
    process.stdout.write(
      [
        '',
        `Seeded ${result.members.toLocaleString('en')} members in ${(result.ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} members/s).`,
        `Demo logins (password: ${DEMO_PASSWORD}):`,
        ...DEMO_LOGINS.map((login) => `  ${login.role.padEnd(15)} ${login.email}`),
        '',
      ].join('\n'),
    );
  } finally {
    // PGlite must be closed, or its data directory can be left corrupt.
    await database?.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // A failed bulk INSERT's message carries its parameters (megabytes of JSON): show the cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  process.stderr.write(`Seeding failed: ${text.slice(0, 4000)}\n`);
  process.exitCode = 1;
});
