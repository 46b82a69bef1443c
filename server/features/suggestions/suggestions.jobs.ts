import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';
import { computeSuggestions, refreshAllSuggestions } from './suggestions.service';

export const SUGGESTIONS_REFRESH_ALL_JOB = 'suggestions.refresh-all';
export const SUGGESTIONS_REFRESH_MEMBER_JOB = 'suggestions.refresh-member';

/**
 * People to meet (decision 038): every member's candidates nightly (Tokyo 03:30), in short pieces
 * (decision 023); one member's on demand (a profile change, a new member).
 */
export function suggestionJobs(deps: AppDeps): JobDefinition<never>[] {
  const all: JobDefinition<Record<string, never>> = {
    name: SUGGESTIONS_REFRESH_ALL_JOB,
    cron: '30 3 * * *',
    tz: 'Asia/Tokyo',
    retryLimit: 1,
    expireInSeconds: 4 * 60 * 60,
    async handler() {
      await refreshAllSuggestions(deps);
    },
  };
  const one: JobDefinition<{ userId: string }> = {
    name: SUGGESTIONS_REFRESH_MEMBER_JOB,
    retryLimit: 2,
    expireInSeconds: 5 * 60,
    async handler({ userId }) {
      await computeSuggestions(deps, { userId });
    },
  };
  return [all, one] as JobDefinition<never>[];
}
