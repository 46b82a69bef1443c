import { JOB_ALERTS_MATCH_JOB, JOBS_TIME_ZONE } from '#common/rehiring-reference';
import type { AppDeps } from '#server/lib/deps';
import { dispatchMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { matchJobToAlerts, runJobAlertDigest } from './job-alerts.matching';

export const JOB_ALERTS_DIGEST_JOB = 'job-alerts.digest';

/** The daily digest now (cron, and the admin's dev trigger): mail goes out after each commit. */
export function runDigestNow(deps: AppDeps) {
  return runJobAlertDigest(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
}

/**
 * Background jobs of this feature, registered by server/jobs.ts (decision 018).
 * - `job-alerts.match` {jobId}: sent by the jobs feature after a job is published; safe to run
 *   any number of times (deliveries are unique per alert and job).
 * - `job-alerts.digest`: every day at 08:00 in Tokyo, the daily alerts' digest.
 */
export function jobAlertJobs(deps: AppDeps): JobDefinition<never>[] {
  const match: JobDefinition<{ jobId: string }> = {
    name: JOB_ALERTS_MATCH_JOB,
    retryLimit: 5,
    async handler({ jobId }) {
      await matchJobToAlerts(deps, { jobId, dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  const digest: JobDefinition<Record<string, never>> = {
    name: JOB_ALERTS_DIGEST_JOB,
    cron: '0 8 * * *',
    tz: JOBS_TIME_ZONE,
    retryLimit: 3,
    async handler() {
      await runDigestNow(deps);
    },
  };
  return [match, digest] as JobDefinition<never>[];
}
