import type { Clock } from '#server/lib/clock';
import { rateLimiterFor } from '#server/lib/rate-limit';

/**
 * Requests to the public consent endpoints per client address and window — the same fixed-window
 * scheme as the join form (server/lib/rate-limit.ts). Tokens are 256-bit random
 * values, so this is about scripts hammering the endpoint, not about guessing; a person opening
 * their link and answering needs a handful of requests.
 */
export const REFERRAL_CONSENT_RATE_LIMIT = { max: 30, windowMs: 15 * 60_000 };

/** One limiter per app instance (keyed on its deps object); in memory, per process. */
export function takeConsentSlot(owner: object, clock: Clock, address: string | undefined) {
  // Requests without a socket address (in-process tests) share one key.
  rateLimiterFor(
    owner,
    'referral-consent',
    REFERRAL_CONSENT_RATE_LIMIT,
    'error.referral_consent_rate_limited',
  ).take(address ?? 'local', clock.now());
}
