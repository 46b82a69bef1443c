import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';
import { ATS_MAX_ATTEMPTS, ATS_WEBHOOK_JOB, deliverAtsExport, resendStaleAtsExports } from './ats';
import { runPipelineStart } from './pipeline.hires';

export const PIPELINE_START_JOB = 'pipeline.start';
export const ATS_SWEEP_JOB = 'pipeline.ats-sweep';

/**
 * Background jobs of the pipeline (decision 017):
 * - `pipeline.start`, every 5 minutes: hires whose start day has come in their own time zone make
 *   their member an employee again (the same pattern as the exit transition, clock-aware).
 * - `pipeline.ats-webhook` {exportId}: one signed delivery to the ATS; a failure throws, so the
 *   queue retries with exponential backoff (30 s, 1 min, 2 min, …) up to ATS_MAX_ATTEMPTS.
 * - `pipeline.ats-sweep`, every 10 minutes: webhook exports left `queued` and never attempted for
 *   5 minutes (the job could not be queued after commit) are queued again.
 */
export function pipelineJobs(deps: AppDeps): JobDefinition<never>[] {
  const start: JobDefinition<Record<string, never>> = {
    name: PIPELINE_START_JOB,
    cron: '*/5 * * * *',
    retryLimit: 3,
    async handler() {
      await runPipelineStart(deps);
    },
  };
  const webhook: JobDefinition<{ exportId: string }> = {
    name: ATS_WEBHOOK_JOB,
    retryLimit: ATS_MAX_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    expireInSeconds: 5 * 60,
    async handler({ exportId }) {
      await deliverAtsExport(deps, { exportId });
    },
  };
  const sweep: JobDefinition<Record<string, never>> = {
    name: ATS_SWEEP_JOB,
    cron: '*/10 * * * *',
    retryLimit: 1,
    async handler() {
      await resendStaleAtsExports(deps);
    },
  };
  return [start, webhook, sweep] as JobDefinition<never>[];
}
