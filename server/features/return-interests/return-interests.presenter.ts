import type { MyReturnInterests, ReturnInterest, ReturnInterestResult } from '#common/return-interests';
import type { InterestView, MyInterestsView } from './return-interests.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The only way an interest leaves the server, and only to the member it belongs to (HR reads the
 * rehiring board instead). Every field is listed here.
 */
export function presentInterest({ row, job, rehiringConsent }: InterestView): ReturnInterest {
  return {
    id: row.id,
    kind: row.jobId ? 'job' : 'general',
    job: job ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn, listed: job.listed } : null,
    message: row.message,
    preferredRoles: row.preferredRoles,
    preferredLocations: row.preferredLocations,
    timing: row.timing,
    status: row.status,
    visibleToHr: row.status === 'active' && rehiringConsent,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    withdrawnAt: iso(row.withdrawnAt),
  };
}

/** The member's general interest (the current one) and their interests in single jobs. */
export function presentMyInterests(view: MyInterestsView): MyReturnInterests {
  const general = view.items.find((i) => i.row.jobId === null);
  return {
    rehiringConsent: view.rehiringConsent,
    general: general ? presentInterest(general) : null,
    jobs: view.items.filter((i) => i.row.jobId !== null).map(presentInterest),
  };
}

export function presentResult(view: InterestView): ReturnInterestResult {
  return { interest: presentInterest(view), rehiringConsent: view.rehiringConsent };
}
