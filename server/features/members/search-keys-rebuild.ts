import { eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { orgSettings, profiles, users } from '#server/db/schema/index';
import { buildSearchColumns } from './member-search';
import { getVisibilityLimits } from './members.service';

/**
 * The version of the way `buildSearchColumns` builds the directory's keys. Raise it whenever that
 * changes (2: variant kanji folded and full-name keys, decision 028): profiles written before are
 * then rebuilt once, in the background, by `rebuildStaleSearchKeys`.
 */
export const SEARCH_KEYS_VERSION = 2;
const VERSION_KEY = 'directory.searchKeysVersion';

/**
 * Rebuilds every profile's search columns when they were built by an older version, in batches,
 * each its own short transaction, yielding between batches so other requests get the connection
 * (PGlite has one): a search meanwhile finds a not-yet-rebuilt member by the old keys, as before.
 * Idempotent and restartable: the version is recorded only once every batch is done.
 */
export async function rebuildStaleSearchKeys({
  db,
  batchSize = 200,
}: {
  db: Db;
  batchSize?: number;
}): Promise<{ rebuilt: number; batches: number }> {
  const [stored] = await db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, VERSION_KEY));
  if (Number(stored?.value ?? 0) >= SEARCH_KEYS_VERSION) return { rebuilt: 0, batches: 0 };
  let after = '';
  let rebuilt = 0;
  let batches = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const limits = await getVisibilityLimits({ db: tx as unknown as Db });
      // Locked for the batch: a profile edited meanwhile waits and then writes its own, newer keys.
      const batch = await tx
        .select({ p: profiles, email: users.email })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .where(sql`${profiles.userId} > ${after}`)
        .orderBy(profiles.userId)
        .limit(batchSize)
        .for('update', { of: profiles });
      for (const { p, email } of batch) {
        await tx
          .update(profiles)
          .set(buildSearchColumns({ ...p, email }, limits))
          .where(eq(profiles.userId, p.userId));
      }
      after = batch[batch.length - 1]?.p.userId ?? after;
      rebuilt += batch.length;
      return batch.length < batchSize;
    });
    batches++;
    if (done) break;
    // Hand the connection back before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await db
    .insert(orgSettings)
    .values({ key: VERSION_KEY, value: SEARCH_KEYS_VERSION })
    .onConflictDoUpdate({
      target: orgSettings.key,
      set: { value: SEARCH_KEYS_VERSION, updatedAt: sql`now()` },
    });
  return { rebuilt, batches };
}
