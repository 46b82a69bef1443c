import { useTranslation } from 'react-i18next';
import type { JobStatus } from '#common/rehiring-reference';
import { Badge, type BadgeTone } from '#web/components/ui/badge';

const STATUS_TONES: Record<JobStatus | 'expired', BadgeTone> = {
  draft: 'neutral',
  open: 'green',
  expired: 'amber',
  closed: 'red',
};

/** Draft, open, expired (open but past its closing day) or closed. */
export function JobStatusBadge({ status, expired }: { status: JobStatus; expired: boolean }) {
  const { t } = useTranslation();
  const shown = expired ? 'expired' : status;
  return <Badge tone={STATUS_TONES[shown]}>{t(`jobs.status.${shown}`)}</Badge>;
}

/** "Alumni · not alumni who left < 6 months ago" — who the job is for, in a line. */
export function AudienceSummary({
  audience,
}: {
  audience: {
    preset: 'alumni' | 'alumni_and_employees' | 'employees' | 'group';
    excludeLeftWithinMonths: number | null;
    excludeEmployers: string[];
    memberCount?: number;
    members?: unknown[];
  };
}) {
  const { t, i18n } = useTranslation();
  const count = audience.memberCount ?? audience.members?.length ?? 0;
  const parts = [t(`jobs.audience.${audience.preset}`)];
  if (audience.preset === 'group') parts.push(t('jobs.audience.members', { count }));
  if (audience.excludeLeftWithinMonths !== null) {
    parts.push(t('jobs.audience.excludesRecent', { months: audience.excludeLeftWithinMonths }));
  }
  if (audience.excludeEmployers.length > 0) {
    const list = audience.excludeEmployers.join(i18n.resolvedLanguage === 'en' ? ', ' : '、');
    parts.push(t('jobs.audience.excludesEmployers', { employers: list }));
  }
  return <span className="text-sm text-slate-700">{parts.join(' · ')}</span>;
}
