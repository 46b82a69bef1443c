import type { Clock } from '#server/lib/clock';
import { rateLimiterFor } from '#server/lib/rate-limit';

/** Join requests per client address and window. Generous for a person, tight for a script. */
export const JOIN_RATE_LIMIT = { max: 5, windowMs: 15 * 60_000 };

/**
 * A fixed-window counter per client address (server/lib/rate-limit.ts), one per app instance.
 * Requests without a socket address (in-process tests) share one key.
 */
export function takeJoinRequestSlot(owner: object, clock: Clock, address: string | undefined) {
  rateLimiterFor(owner, 'join-requests', JOIN_RATE_LIMIT, 'error.join_rate_limited').take(
    address ?? 'local',
    clock.now(),
  );
}
