import type { FreshnessSettings, FreshnessSummary, MyFreshness } from '#common/freshness';

export function presentMyFreshness(f: {
  isStale: boolean;
  confirmedAt: Date;
  currentEmployer: string | null;
  currentTitle: string | null;
  months: number;
}): MyFreshness {
  return {
    isStale: f.isStale,
    confirmedAt: f.confirmedAt.toISOString(),
    currentEmployer: f.currentEmployer,
    currentTitle: f.currentTitle,
    months: f.months,
  };
}

export const presentConfirmed = (confirmedAt: Date) => ({ confirmedAt: confirmedAt.toISOString() });

export const presentFreshnessSettings = (s: FreshnessSettings): FreshnessSettings => ({ months: s.months });

/** HR's summary: the overall share of stale profiles, then by role and by department. */
export function presentFreshnessSummary(s: FreshnessSummary): FreshnessSummary {
  return {
    months: s.months,
    total: s.total,
    stale: s.stale,
    share: s.share,
    byRole: s.byRole.map((r) => ({ role: r.role, total: r.total, stale: r.stale, share: r.share })),
    byDepartment: s.byDepartment.map((r) => ({
      department: r.department,
      total: r.total,
      stale: r.stale,
      share: r.share,
    })),
  };
}
