import { AppError } from './errors';

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
  take(key: string, now: Date): void;
  /** Gives back one request taken for `key` (e.g. a sign-in that succeeded is not an attempt to guess). */
  refund(key: string, now: Date): void;
}

/**
 * A fixed-window counter per key, in memory: one process, forgotten on restart (decision 025; a
 * later issue moves the counters to PostgreSQL so several processes share them).
 */
export function createRateLimiter(rule: RateRule, message?: string): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, now: number) => {
    const window = windows.get(key);
    return window && now - window.start < rule.windowMs ? window : undefined;
  };
  return {
    take(key, at) {
      const now = at.getTime();
      const window = current(key, now);
      if (!window) {
        // Forget finished windows now and then, so the map does not grow with every key seen.
        if (windows.size > 10_000) {
          for (const [k, w] of windows) if (now - w.start >= rule.windowMs) windows.delete(k);
        }
        windows.set(key, { start: now, count: 1 });
        return;
      }
      if (window.count >= rule.max) {
        throw new RateLimitedError(secondsUntil(window.start + rule.windowMs, now), message);
      }
      window.count += 1;
    },
    refund(key, at) {
      const window = current(key, at.getTime());
      if (window && window.count > 0) window.count -= 1;
    },
  };
}

const owners = new WeakMap<object, Map<string, RateLimiter>>();

/**
 * The limiter called `name` of one app instance (`owner` is the app's deps object), created on
 * first use: tests that build an app per file never share counters.
 */
export function rateLimiterFor(owner: object, name: string, rule: RateRule, message?: string): RateLimiter {
  let limiters = owners.get(owner);
  if (!limiters) {
    limiters = new Map();
    owners.set(owner, limiters);
  }
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createRateLimiter(rule, message);
    limiters.set(name, limiter);
  }
  return limiter;
}
