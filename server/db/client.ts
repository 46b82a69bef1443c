import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index';

/** Both drivers expose the same query builder; features only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Plain parameterised SQL on the same connection(s), for libraries that bring their own SQL (pg-boss). */
export interface RawSql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  raw: RawSql;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — a real server. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string;
  /** Pool size for a real server. */
  poolSize?: number;
}

/**
 * Opens PGlite (with pg_trgm loaded at create time, as the migrations need it) or a pg pool.
 * The caller must `close()` — an unclosed PGlite can leave its data directory corrupt.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    // JIT off (decision 036): a LIMIT query along an index is estimated at the cost of the whole
    // index, which crosses jit_above_cost, and compiling took 17 ms for a 0.3 ms feed page.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: '-c jit=off',
    });
    // An idle connection the server closes (restart, admin command) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => {
      process.stderr.write(`database: idle connection closed: ${error.message}\n`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const raw: RawSql = { query: (text, values) => pool.query(text, values) };
    return { db, kind: 'postgres', raw, close: () => pool.end() };
  }
  const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const raw: RawSql = {
    async query(text, values) {
      // PGlite's extended protocol takes one statement; parameterless scripts (pg-boss's schema
      // migrations) go through exec, which returns one result per statement.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const result = await client.query<Record<string, unknown>>(text, values);
      return { rows: result.rows };
    },
  };
  return { db, kind: 'pglite', raw, close: () => client.close() };
}

/**
 * Is this the embedded database, whose one connection every query waits for? Background work
 * over all members rests longer between pieces there (decision 023, decision 042).
 */
export function holdsOneConnection(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof PGlite;
}

/** Raw SQL → rows, the same on both drivers (both return `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on a connection of its own: the
 * processes starting together on one database migrate and seed one after the other (decision 030).
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
/** An arbitrary constant: "kizuna" in ASCII, as the advisory lock's key. */
const STARTUP_LOCK = 0x6b697a756e61;
