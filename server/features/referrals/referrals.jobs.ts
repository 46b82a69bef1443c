import type { AppDeps } from '../../lib/http';
import type { JobDefinition } from '../../lib/queue';
import { expireReferrals } from './referrals.service';

export const REFERRALS_EXPIRE = 'referrals.expire';

/** Background jobs of this feature, registered by server/jobs.ts. */
export function referralJobs(deps: AppDeps): JobDefinition<never>[] {
  const expire: JobDefinition<Record<string, never>> = {
    name: REFERRALS_EXPIRE,
    // Daily, early morning in Japan. A lapsed link already answers "expired" before this runs
    // (the deadline is checked on every request); the job makes the status say so in lists.
    cron: '15 4 * * *',
    tz: 'Asia/Tokyo',
    retryLimit: 3,
    async handler() {
      await expireReferrals(deps);
    },
  };
  return [expire] as JobDefinition<never>[];
}
