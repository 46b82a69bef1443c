import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { postingSuspensions } from '#server/db/schema';
import { AppError } from './errors';

/**
 * Whether a moderator has paused this member's posting (issue 11): posts and comments both ask
 * before they write. A suspension ends at `until` or when lifted.
 */
export async function activeSuspension(db: Db, userId: string, now: Date) {
  const [row] = await db
    .select({ id: postingSuspensions.id, until: postingSuspensions.until })
    .from(postingSuspensions)
    .where(
      and(
        eq(postingSuspensions.userId, userId),
        isNull(postingSuspensions.liftedAt),
        gt(postingSuspensions.until, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** 409 with a translated message while the member's posting is suspended. */
export async function assertMayPost(db: Db, userId: string, now: Date): Promise<void> {
  if (await activeSuspension(db, userId, now)) throw new AppError('conflict', 'error.postingSuspended');
}
