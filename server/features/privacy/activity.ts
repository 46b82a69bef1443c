import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { users } from '#server/db/schema/index';
import type { Clock } from '#server/lib/clock';

/**
 * Records that a member used the app: `users.last_active_at` at most once a (UTC) day per member,
 * and clears a pending retention warning (signing in keeps the account). A per-process memo of
 * who was already seen today keeps this to one UPDATE per member per day, not one per request.
 */
export function activityTracker({ db, clock }: { db: Db; clock: Clock }) {
  let day = '';
  let seen = new Set<string>();
  return async function touch(userId: string) {
    const now = clock.now();
    const today = now.toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      seen = new Set();
    }
    if (seen.has(userId)) return;
    const startOfDay = new Date(`${today}T00:00:00Z`);
    await db
      .update(users)
      .set({ lastActiveAt: now, retentionWarnedAt: null })
      .where(
        and(
          eq(users.id, userId),
          or(
            isNull(users.lastActiveAt),
            lt(users.lastActiveAt, startOfDay),
            isNotNull(users.retentionWarnedAt),
          ),
        ),
      );
    seen.add(userId);
  };
}
