import type { MiddlewareHandler } from 'hono';
import type { DirectoryFacets, DirectoryQuery } from '#common/directory';
import type { VisibilityMap } from '#common/profiles';
import { tokenizeDirectoryQuery } from '#common/search-text';
import { type Viewer, viewerTier } from '#server/lib/access/policy';
import { cacheGeneration, invalidate } from '#server/lib/cache';

/**
 * Facet counts for broad queries aggregate every match (the landing page: all 300,000 profiles,
 * ~0.9 s on PostgreSQL), and they are the same for every viewer of a tier. Each app process keeps
 * the expensive ones (decision 005, 2026-11-24, later):
 *
 * - only results over at least `minTotal` matches (the cost of the aggregate grows with the matches;
 *   a count, unlike a timing, makes the choice the same on every run) — smaller ones are always
 *   exact;
 * - keyed by database, viewer tier, normalised query, day and HR's visibility limits;
 * - dropped at once by any successful write through the API (`invalidateOnWrite`) — in this
 *   process and, through `invalidate('directory.facets')` (server/lib/cache.ts), in every other
 *   app process on the database (decision 030);
 * - otherwise fresh for `ttlMs`; after that the old counts are served once more while one refresh
 *   runs in the background, so no viewer waits for the full aggregate twice.
 *
 * Writes made outside the API and the jobs that invalidate (SQL by hand) show after at most
 * `ttlMs` plus one computation.
 */
export const facetCacheOptions = { minTotal: 2_000, ttlMs: 30_000, maxEntries: 500 };

interface Entry {
  value: DirectoryFacets;
  at: number;
  generation: number;
  refreshing: boolean;
}

const caches = new WeakMap<object, Map<string, Entry>>();
const FACETS = 'directory.facets';
const currentGeneration = () => cacheGeneration(FACETS);

/** Forgets every cached facet result, in every process (after a write that may change members). */
export function invalidateDirectoryCaches() {
  invalidate(FACETS);
}

function facetKey(
  viewer: Viewer,
  limits: VisibilityMap,
  staleAfter: string | null | undefined,
  query: DirectoryQuery,
  today: string,
) {
  const { page: _page, pageSize: _pageSize, sort: _sort, q, ...filters } = query;
  return JSON.stringify([
    viewerTier(viewer.role),
    tokenizeDirectoryQuery(q),
    filters,
    today,
    limits,
    staleAfter ?? null,
  ]);
}

const clone = (facets: DirectoryFacets): DirectoryFacets => structuredClone(facets);

/** The facets from the cache when it has them, else computed by `compute` (and kept if large). */
export async function cachedFacets(
  db: object,
  args: {
    viewer: Viewer;
    limits: VisibilityMap;
    staleAfter?: string | null;
    query: DirectoryQuery;
    today: string;
  },
  compute: () => Promise<DirectoryFacets>,
): Promise<DirectoryFacets> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = facetKey(args.viewer, args.limits, args.staleAfter, args.query, args.today);
  const run = async () => {
    const started = currentGeneration();
    const value = await compute();
    // A result computed across a write (the generation moved on) may predate it: not kept.
    if (value.total >= facetCacheOptions.minTotal && started === currentGeneration()) {
      cache.delete(key);
      cache.set(key, { value, at: performance.now(), generation: started, refreshing: false });
      while (cache.size > facetCacheOptions.maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
    } else {
      cache.delete(key);
    }
    return value;
  };

  const hit = cache.get(key);
  if (hit && hit.generation === currentGeneration()) {
    if (performance.now() - hit.at >= facetCacheOptions.ttlMs && !hit.refreshing) {
      hit.refreshing = true;
      run().catch(() => cache.delete(key));
    }
    return clone(hit.value);
  }
  if (hit) cache.delete(key);
  return clone(await run());
}

/**
 * Drops the cached facets after every successful write through the API (any method but GET, HEAD
 * and OPTIONS, outside sign-in/out), so a member who edits their profile or consents, or HR who
 * deactivates someone, sees exact counts at once in this process.
 */
export const invalidateOnWrite: MiddlewareHandler = async (c, next) => {
  await next();
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
  if (c.req.path.startsWith('/api/auth/')) return;
  if (c.res.status < 400) invalidateDirectoryCaches();
};
