import type { MyFreshness } from '#common/freshness';

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
