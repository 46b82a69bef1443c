import type { ErasureSettings, MyDataSummary, RetentionSettings } from '#common/privacy';

/** The presenters list every field they return (STYLE.md: presenters are the only exit). */
export const presentSummary = (s: MyDataSummary): MyDataSummary => ({
  categories: s.categories.map(({ category, rows }) => ({ category, rows })),
  keepContent: s.keepContent,
});

export const presentRetention = (s: RetentionSettings): RetentionSettings => ({
  enabled: s.enabled,
  inactiveYears: s.inactiveYears,
  warningDays: s.warningDays,
  roles: s.roles,
});

export const presentErasure = (s: ErasureSettings): ErasureSettings => ({ keepContent: s.keepContent });
