import { useTranslation } from 'react-i18next';
import type { ReferralJob } from '#common/referrals';
import type { ReferralStatus } from '#common/rehiring-reference';
import { Badge, type BadgeTone } from '#web/components/ui/badge';
import type { UiLanguage } from '#web/i18n';

/** A job's title in the reader's language, else in the other one. */
export const jobTitleIn = (job: Pick<ReferralJob, 'titleJa' | 'titleEn'>, lang: UiLanguage) =>
  (lang === 'ja' ? (job.titleJa ?? job.titleEn) : (job.titleEn ?? job.titleJa)) ?? '';

/** 100000 JPY → ￥100,000 / ¥100,000 (whole units: the rule stores no fractions). */
export function formatMoney(amount: number, currency: string, lang: UiLanguage): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${amount.toLocaleString(lang)} ${currency}`;
  }
}

const STATUS_TONE: Record<ReferralStatus, BadgeTone> = {
  awaiting_consent: 'amber',
  consented: 'green',
  declined: 'neutral',
  expired: 'neutral',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`referrals.status.${status}`)}</Badge>;
}

/**
 * A referral whose candidate details were deleted (retention or their erasure, decision 020): the
 * row stays, named only by this label, with why in a line of small print.
 */
export function CandidateDeleted() {
  const { t } = useTranslation();
  return (
    <div>
      <p className="font-medium text-slate-600 italic">{t('referrals.list.candidateDeleted')}</p>
      <p className="text-xs text-slate-500">{t('referrals.list.candidateDeletedHint')}</p>
    </div>
  );
}
