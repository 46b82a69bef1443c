import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';
import {
  EVENT_OFFER_EXPIRED_JOB,
  EVENT_OFFER_SWEEP_JOB,
  lapseExpiredOffers,
  sweepExpiredOffers,
} from './events.registration';

/**
 * Background jobs of events (registered by server/jobs.ts):
 * - `events.offer-expired`: queued at an offer's deadline (one per registration, singletonKey);
 *   lapses the event's expired offers and offers the seats to the next in line;
 * - `events.offer-sweep`: every five minutes, the same for any offer whose job was lost.
 * Both are idempotent: the event row lock serialises them with registrations, and a second run
 * finds nothing expired.
 */
export function eventJobs(deps: AppDeps): JobDefinition<never>[] {
  const expired: JobDefinition<{ eventId: string }> = {
    name: EVENT_OFFER_EXPIRED_JOB,
    retryLimit: 5,
    async handler(data) {
      await lapseExpiredOffers(deps, { eventId: data.eventId });
    },
  };
  const sweep: JobDefinition<Record<string, never>> = {
    name: EVENT_OFFER_SWEEP_JOB,
    cron: '*/5 * * * *',
    retryLimit: 2,
    async handler() {
      await sweepExpiredOffers(deps);
    },
  };
  return [expired, sweep] as JobDefinition<never>[];
}
