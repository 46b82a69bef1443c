import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { rateLimits } from '#server/db/schema/index';
import { createTestDatabase } from '#tests/setup';
import { deleteExpiredRateLimits, RateLimitedError, rateLimiter } from './rate-limit';

/** The one limiter: fixed windows per key in the rate_limits table (decisions 025, 030). */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const limiterDeps = () => ({ db: database.db, env: { AUTH_SECRET: SECRET } });

const rule = { max: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 3, 0, seconds));

async function refusal(take: Promise<void>): Promise<RateLimitedError | undefined> {
  try {
    await take;
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

const SECRET = 'test-secret-test-secret-test-secret';
const hashedKey = (name: string, key: string) =>
  `${name}:${createHmac('sha256', SECRET).update(key).digest('base64url')}`;

describe('rateLimiter', () => {
  it('allows max takes per window, then 429 with the seconds left; a new window starts again', async () => {
    const limiter = rateLimiter(limiterDeps(), 'test-window', rule, 'error.join_rate_limited');
    for (let i = 0; i < rule.max; i++) await limiter.take('a', at(i));
    const refused = await refusal(limiter.take('a', at(10)));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused?.retryAfterSeconds).toBe(50);
    expect(refused?.message).toBe('error.join_rate_limited');
    // Refused takes do not count: still refused, still the same window.
    expect((await refusal(limiter.take('a', at(59))))?.retryAfterSeconds).toBe(1);
    // Another key, and another limiter with the same key, have their own counts.
    await limiter.take('b', at(10));
    await rateLimiter(limiterDeps(), 'test-other', rule).take('a', at(10));
    // The window has passed: counted from 1 again.
    for (let i = 0; i < rule.max; i++) await limiter.take('a', at(60 + i));
    expect(await refusal(limiter.take('a', at(70)))).toBeInstanceOf(RateLimitedError);
  });

  it('a refund gives one take back inside the window', async () => {
    const limiter = rateLimiter(limiterDeps(), 'test-refund', rule);
    for (let i = 0; i < rule.max; i++) await limiter.take('a', at(i));
    await limiter.refund('a', at(5));
    await limiter.take('a', at(6));
    expect(await refusal(limiter.take('a', at(7)))).toBeInstanceOf(RateLimitedError);
    // A refund for a key never taken, or after its window, changes nothing.
    await limiter.refund('never', at(7));
    await limiter.refund('a', at(61));
    await limiter.take('a', at(61));
  });

  it('parallel takes are counted exactly: max pass, the rest are refused', async () => {
    const limiter = rateLimiter(limiterDeps(), 'test-parallel', { max: 5, windowMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 12 }, () => refusal(limiter.take('a', at(0)))));
    expect(results.filter((r) => r === undefined)).toHaveLength(5);
    expect(results.filter((r) => r instanceof RateLimitedError)).toHaveLength(7);
  });

  it('the cleanup deletes the windows that have passed only', async () => {
    const limiter = rateLimiter(limiterDeps(), 'test-cleanup', rule);
    await limiter.take('old', at(0));
    await limiter.take('new', at(50));
    await deleteExpiredRateLimits({ db: database.db, now: at(100) });
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('test-cleanup:'))).toEqual([hashedKey('test-cleanup', 'new')]);
  });

  it('stores a keyed hash of the key, never the address or email itself', async () => {
    await rateLimiter(limiterDeps(), 'test-private', rule).take('someone@example.com', at(0));
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).toContain(hashedKey('test-private', 'someone@example.com'));
    expect(keys.join(' ')).not.toContain('someone@example.com');
  });
});
