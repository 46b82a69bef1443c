import type { ReferralsDailyResult } from '#common/referrals';
import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';
import { redactClosedReferrals } from './referral-retention';
import { expireReferrals } from './referrals.consent';

export const REFERRALS_EXPIRE = 'referrals.expire';

/**
 * The daily run: awaiting referrals past their deadline become expired, then the retention step
 * (decision 020) redacts referrals that ended without consent 30 days ago. Both steps are
 * idempotent, so a retry or a second delivery repeats nothing.
 */
export async function runReferralsDaily(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger' | 'hooks'>,
): Promise<ReferralsDailyResult> {
  const expired = await expireReferrals(deps);
  const retention = await redactClosedReferrals(deps);
  if (retention.redacted > 0) deps.logger.info('referrals: retention', { ...retention });
  return { expired, ...retention };
}

/** Background jobs of this feature, registered by server/jobs.ts. */
export function referralJobs(deps: AppDeps): JobDefinition<never>[] {
  const expire: JobDefinition<Record<string, never>> = {
    name: REFERRALS_EXPIRE,
    // Daily, early morning in Japan. A lapsed link already answers "expired" before this runs
    // (the deadline is checked on every request); the job makes the status say so in lists.
    cron: '15 4 * * *',
    tz: 'Asia/Tokyo',
    retryLimit: 3,
    expireInSeconds: 60 * 60,
    async handler() {
      await runReferralsDaily(deps);
    },
  };
  return [expire] as JobDefinition<never>[];
}
