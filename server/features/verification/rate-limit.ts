import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';

/** Join requests per client address and window. Generous for a person, tight for a script. */
export const JOIN_RATE_LIMIT = { max: 5, windowMs: 15 * 60_000 };

/**
 * A fixed-window counter per client address, in memory, one per app instance (keyed on the
 * app's deps object). Enough for one server process; several processes would each allow `max`.
 * Requests without a socket address (in-process tests) share one key.
 */
const limiters = new WeakMap<object, Map<string, { start: number; count: number }>>();

export function takeJoinRequestSlot(owner: object, clock: Clock, address: string | undefined) {
  let windows = limiters.get(owner);
  if (!windows) {
    windows = new Map();
    limiters.set(owner, windows);
  }
  const now = clock.now().getTime();
  const key = address ?? 'local';
  const current = windows.get(key);
  if (!current || now - current.start >= JOIN_RATE_LIMIT.windowMs) {
    // Forget finished windows now and then, so the map does not grow with every address seen.
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (now - w.start >= JOIN_RATE_LIMIT.windowMs) windows.delete(k);
    }
    windows.set(key, { start: now, count: 1 });
    return;
  }
  if (current.count >= JOIN_RATE_LIMIT.max) throw new AppError('rate_limited', 'error.join_rate_limited');
  current.count += 1;
}
