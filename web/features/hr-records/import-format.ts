import type { TFunction } from 'i18next';
import type { ImportStatus } from '#common/hr-import';
import type { BadgeTone } from '#web/components/ui/badge';

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** 75 → "75 s", 600 → "10 min" */
export const formatDuration = (t: TFunction, seconds: number) =>
  seconds < 90
    ? t('hrImport.duration.seconds', { n: Math.max(1, Math.round(seconds)) })
    : t('hrImport.duration.minutes', { n: Math.round(seconds / 60) });

export const IMPORT_STATUS_TONE: Record<ImportStatus, BadgeTone> = {
  uploaded: 'amber',
  queued: 'ai',
  running: 'ai',
  done: 'green',
  failed: 'red',
  cancelled: 'neutral',
};
