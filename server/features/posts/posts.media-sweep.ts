import { readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { postMedia } from '#server/db/schema';
import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';

export const MEDIA_SWEEP_JOB = 'posts.media-sweep';
/** An upload never attached to a post is removed after a day. */
const ABANDONED_AFTER_MS = 24 * 3600_000;
/** A file is only swept when older than this: its row may still be being written. */
const FILE_GRACE_MS = 3600_000;
const BATCH = 500;

/**
 * The bytes of post media follow their rows (issue 11). A row disappears with its post (deleted,
 * or erased with its author — decision 011) or its uploader; uploads never attached are dropped
 * after a day. The sweep removes every file whose row is gone, so no member's picture outlives
 * them on disk for more than an hour. Returns what it removed.
 */
export async function sweepMedia(
  deps: { db: Db; env: AppDeps['env'] },
  now: Date,
): Promise<{ abandoned: number; files: number }> {
  const { db, env } = deps;
  const abandoned = await db
    .delete(postMedia)
    .where(
      and(isNull(postMedia.postId), lt(postMedia.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS))),
    )
    .returning({ id: postMedia.id });

  const dir = resolve(env.DATA_DIR, 'post-media');
  const names = await readdir(dir).catch(() => [] as string[]);
  let files = 0;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const kept = new Set(
      (
        await db
          .select({ key: postMedia.storageKey })
          .from(postMedia)
          .where(inArray(postMedia.storageKey, batch))
      ).map((r) => r.key),
    );
    for (const name of batch) {
      if (kept.has(name)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < FILE_GRACE_MS) continue;
      await unlink(path).catch(() => undefined);
      files += 1;
    }
  }
  return { abandoned: abandoned.length, files };
}

export function postsJobs(deps: AppDeps): JobDefinition<never>[] {
  const sweep: JobDefinition<Record<string, never>> = {
    name: MEDIA_SWEEP_JOB,
    cron: '41 * * * *',
    retryLimit: 2,
    async handler() {
      await sweepMedia(deps, deps.clock.now());
    },
  };
  return [sweep] as JobDefinition<never>[];
}
