import pg from 'pg';
import type { RawSql } from '#server/db/client';
import type { Logger } from './logger';

/**
 * Caches kept in each app process's memory, invalidated by name in every process on the database
 * (decision 030). A cache keeps a value together with the generation of its name it was read under
 * (`cacheGeneration`) and throws it away when the generation has moved on; `invalidate(name)` moves
 * it on here at once and, once `startCacheListener` runs (on a PostgreSQL server), in every other
 * process through `NOTIFY kizuna_cache, '<name>'`. On PGlite there is one process: local is all.
 *
 * Names are listed here (not imported from the features that own the caches), so a feature can
 * drop another's cache without importing it.
 */
export type CacheName =
  /** The directory's facet counts (server/features/directory/directory.cache.ts). */
  | 'directory.facets'
  /** HR's profile visibility limits and the re-index cursor (server/features/members). */
  | 'members.visibility-limits';

const CACHE_NAMES: readonly CacheName[] = ['directory.facets', 'members.visibility-limits'];
export const CACHE_CHANNEL = 'kizuna_cache';

const generations = new Map<CacheName, number>();
let publish: ((name: CacheName) => Promise<void>) | undefined;

/** The generation of `name` in this process: a value read under an older one is stale. */
export function cacheGeneration(name: CacheName): number {
  return generations.get(name) ?? 0;
}

const bump = (name: CacheName) => generations.set(name, cacheGeneration(name) + 1);

/**
 * Forgets every copy of the cache `name`: in this process at once, in the others as soon as the
 * notification arrives (a few milliseconds). Never throws: a lost notification leaves the other
 * processes to their caches' own time limits.
 */
export function invalidate(name: CacheName): void {
  bump(name);
  void publish?.(name);
}

const isCacheName = (value: string): value is CacheName => (CACHE_NAMES as readonly string[]).includes(value);

export interface CacheListener {
  close(): Promise<void>;
}

/**
 * Listens for invalidations from the other processes on a dedicated connection (LISTEN holds a
 * connection, so it cannot come from the pool) and sends this process's own through `raw` (the
 * pool). A dropped connection is opened again after a second; as notifications may have been
 * missed meanwhile, every cache is then dropped.
 */
export async function startCacheListener(options: {
  url: string;
  raw: RawSql;
  logger: Logger;
  reconnectMs?: number;
}): Promise<CacheListener> {
  const { url, raw, logger, reconnectMs = 1_000 } = options;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CACHE_CHANNEL || !message.payload) return;
      // Our own notifications come back too: the cache was already dropped when they were sent.
      if (message.processId === (next as unknown as { processID?: number }).processID) return;
      if (isCacheName(message.payload)) bump(message.payload);
    });
    next.on('error', (error) => {
      logger.warn('cache listener: connection lost', { error: error.message });
      lost(next);
    });
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${CACHE_CHANNEL}`);
    client = next;
  };

  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    const again = () => {
      retry = undefined;
      if (closed) return;
      connect().then(
        () => {
          for (const name of CACHE_NAMES) bump(name);
        },
        (error) => {
          logger.warn('cache listener: reconnect failed', { error: String(error) });
          retry = setTimeout(again, reconnectMs);
          retry.unref();
        },
      );
    };
    retry = setTimeout(again, reconnectMs);
    retry.unref();
  };

  await connect();
  publish = async (name) => {
    try {
      await raw.query('select pg_notify($1, $2)', [CACHE_CHANNEL, name]);
    } catch (error) {
      logger.warn('cache invalidation not sent to other processes', { name, error: String(error) });
    }
  };
  return {
    async close() {
      closed = true;
      publish = undefined;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
