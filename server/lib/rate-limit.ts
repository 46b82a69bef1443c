import { createHmac } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { rateLimits } from '#server/db/schema/index';
import type { Clock } from './clock';
import type { Env } from './env';
import { AppError } from './errors';
import type { JobDefinition } from './queue';

/** At most `max` takes per key in each fixed window of `windowMs`. */
export interface RateRule {
  max: number;
  windowMs: number;
}

/**
 * A 429 that knows when to come back: the error middleware (server/lib/http.ts) turns
 * `retryAfterSeconds` into the standard `Retry-After` header.
 */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'error.rate_limited',
  ) {
    super('rate_limited', message);
  }
}

/** Seconds from `now` until `until`, at least 1 (a Retry-After of 0 invites a tight loop). */
export const secondsUntil = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 1000));

export interface RateLimiter {
  /** Counts one request for `key`; throws RateLimitedError (with Retry-After) when over the limit. */
  take(key: string, now: Date): Promise<void>;
  /** Gives back one request taken for `key` (e.g. a sign-in that succeeded is not an attempt to guess). */
  refund(key: string, now: Date): Promise<void>;
}

/**
 * The limiter called `name` on a database: a fixed-window counter per key in the `rate_limits`
 * table, so every app process on the database counts against the same limit (decisions 025, 030).
 * `now` is the app's clock (tests move it), never the database's.
 *
 * A take is one statement: the row of `<name>:<key>` is created, or counted up inside its window,
 * or started again when its window has passed. The count stops at `max + 1` — a refused request
 * does not count, so a refund after refusals gives one back as the in-memory counter did.
 *
 * Keys are client addresses and the email addresses people type: the row holds a keyed hash of the
 * key (HMAC with AUTH_SECRET, the same in every process), never the address itself, so the table
 * holds no personal data (the privacy register says so) and erasure has nothing to find there.
 */
export function rateLimiter(
  { db, env }: { db: Db; env: Pick<Env, 'AUTH_SECRET'> },
  name: string,
  rule: RateRule,
  message?: string,
): RateLimiter {
  const rowKey = (key: string) =>
    `${name}:${createHmac('sha256', env.AUTH_SECRET).update(key).digest('base64url')}`;
  return {
    async take(key, now) {
      const at = now.toISOString();
      const passed = sql`${rateLimits.resetsAt} <= ${at}::timestamptz`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key: rowKey(key), count: 1, resetsAt: new Date(now.getTime() + rule.windowMs) })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${passed} then 1 else least(${rateLimits.count} + 1, ${rule.max + 1}::integer) end`,
            resetsAt: sql`case when ${passed} then excluded.resets_at else ${rateLimits.resetsAt} end`,
          },
        })
        .returning({ count: rateLimits.count, resetsAt: rateLimits.resetsAt });
      if (row && row.count > rule.max) {
        throw new RateLimitedError(secondsUntil(row.resetsAt.getTime(), now.getTime()), message);
      }
    },
    async refund(key, now) {
      await db
        .update(rateLimits)
        .set({ count: sql`${rateLimits.count} - 1` })
        .where(and(eq(rateLimits.key, rowKey(key)), gt(rateLimits.resetsAt, now), gt(rateLimits.count, 0)));
    },
  };
}

/** Deletes the counters whose window has passed (a passed window counts as empty anyway). */
export async function deleteExpiredRateLimits({ db, now }: { db: Db; now: Date }): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lte(rateLimits.resetsAt, now))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

export const RATE_LIMIT_CLEANUP_JOB = 'rate-limits.cleanup';

/** Registered in server/jobs.ts: every hour, old windows are deleted. */
export function rateLimitJobs(deps: { db: Db; clock: Clock }): JobDefinition<never>[] {
  const cleanup: JobDefinition<Record<string, never>> = {
    name: RATE_LIMIT_CLEANUP_JOB,
    cron: '17 * * * *',
    retryLimit: 2,
    async handler() {
      await deleteExpiredRateLimits({ db: deps.db, now: deps.clock.now() });
    },
  };
  return [cleanup] as JobDefinition<never>[];
}
