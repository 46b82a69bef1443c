import type { DigestRunResult, DigestSettings } from '#common/digest';
import type { DigestSettingsRow } from './digest.service';

export const presentDigestSettings = (row: DigestSettingsRow): DigestSettings => ({
  frequency: row.frequency,
  newsletterConsent: row.newsletterConsent,
  lastSentAt: row.lastSentAt ? row.lastSentAt.toISOString() : null,
});

export const presentDigestRun = (result: DigestRunResult): DigestRunResult => ({
  batches: result.batches,
  mailed: result.mailed,
});
