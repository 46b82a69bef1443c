import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';

/**
 * Requests to the public consent endpoints per client address and window — the same fixed-window
 * scheme as the join form (server/features/verification/rate-limit.ts). Tokens are 256-bit random
 * values, so this is about scripts hammering the endpoint, not about guessing; a person opening
 * their link and answering needs a handful of requests.
 */
export const REFERRAL_CONSENT_RATE_LIMIT = { max: 30, windowMs: 15 * 60_000 };

/** One map of windows per app instance (keyed on its deps object); in memory, per process. */
const limiters = new WeakMap<object, Map<string, { start: number; count: number }>>();

export function takeConsentSlot(owner: object, clock: Clock, address: string | undefined) {
  let windows = limiters.get(owner);
  if (!windows) {
    windows = new Map();
    limiters.set(owner, windows);
  }
  const now = clock.now().getTime();
  const { max, windowMs } = REFERRAL_CONSENT_RATE_LIMIT;
  // Requests without a socket address (in-process tests) share one key.
  const key = address ?? 'local';
  const current = windows.get(key);
  if (!current || now - current.start >= windowMs) {
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
    }
    windows.set(key, { start: now, count: 1 });
    return;
  }
  if (current.count >= max) throw new AppError('rate_limited', 'error.referral_consent_rate_limited');
  current.count += 1;
}
