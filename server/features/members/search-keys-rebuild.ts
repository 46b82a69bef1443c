import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalTerms } from '#common/vocabulary';
import type { Db } from '#server/db/client';
import { profiles, users } from '#server/db/schema/index';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';
import { buildSearchColumns } from './member-search';
import { getVisibilityLimits } from './members.service';

/**
 * The version of the way `buildSearchColumns` builds the directory's keys. Raise it whenever that
 * changes (2: variant kanji folded and full-name keys, decision 028; 3: skills stored as vocabulary
 * keys and searched in both languages, decision 041): profiles written before are then rebuilt
 * once, in the background, by `rebuildStaleSearchKeys`.
 */
export const SEARCH_KEYS_VERSION = 3;
/** The version the stored keys were built with (none yet: 0). */
const SEARCH_KEYS_BUILT = defineSetting('directory.searchKeysVersion', z.coerce.number(), () => 0);

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
  if ((await readSetting(db, SEARCH_KEYS_BUILT)) >= SEARCH_KEYS_VERSION) return { rebuilt: 0, batches: 0 };
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
        // Skills typed before the vocabulary become its keys (営業 → Sales), each once.
        const skills = canonicalTerms('skill', p.skills);
        await tx
          .update(profiles)
          .set({ skills, ...buildSearchColumns({ ...p, skills, email }, limits) })
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
  await writeSetting(db, SEARCH_KEYS_BUILT, SEARCH_KEYS_VERSION);
  return { rebuilt, batches };
}
