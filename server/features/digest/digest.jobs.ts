import type { AppDeps } from '#server/lib/deps';
import { dispatchMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { sendDigestRange, walkMembers } from './digest.sending';

export const DIGEST_WEEKLY_JOB = 'digest.weekly';
export const DIGEST_SEND_JOB = 'digest.send';

/**
 * Background jobs of the digest, registered by server/jobs.ts.
 * - `digest.weekly` (Mondays 07:00 in Tokyo): walks every member by id and queues one
 *   `digest.send` per range of `digestOptions.walkBatch` members, resting between ranges.
 * - `digest.send` {afterId, lastId}: sends the digest to the due members of the range; safe to
 *   run any number of times (a member's `last_sent_at` is moved in the transaction that queues
 *   their mail, only if they are still due).
 */
export function digestJobs(deps: AppDeps): JobDefinition<never>[] {
  const weekly: JobDefinition<Record<string, never>> = {
    name: DIGEST_WEEKLY_JOB,
    cron: '0 7 * * 1',
    tz: 'Asia/Tokyo',
    retryLimit: 2,
    expireInSeconds: 60 * 60,
    async handler() {
      await walkMembers(deps.db, async (range) => {
        await deps.queue.send(DIGEST_SEND_JOB, range, { singletonKey: `${range.afterId}..${range.lastId}` });
      });
    },
  };
  const send: JobDefinition<{ afterId: string; lastId: string }> = {
    name: DIGEST_SEND_JOB,
    retryLimit: 3,
    expireInSeconds: 30 * 60,
    async handler({ afterId, lastId }) {
      await sendDigestRange(deps, { afterId, lastId, dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  return [weekly, send] as JobDefinition<never>[];
}
