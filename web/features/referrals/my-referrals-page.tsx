import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyReferral, RewardRuleView } from '#common/referrals';
import { CareersNav } from '#web/components/careers-nav';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat, useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ReferralForm } from './referral-form';
import { CandidateDeleted, formatMoney, jobTitleIn, ReferralStatusBadge } from './referral-labels';
import { useMyReferrals, useResendReferral } from './use-referrals';

/** A member's referrals: the form to refer someone, and what became of the people they referred. */
export function MyReferralsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('referrals.title'));
  const mine = useMyReferrals();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('referrals.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('referrals.lead')}</p>
      </div>
      {mine.data?.rewardRule && <RewardRuleNotice rule={mine.data.rewardRule} />}
      <Card title={t('referrals.form.title')} id="refer">
        <ReferralForm />
      </Card>
      <Card title={t('referrals.list.title')} id="my-referrals">
        {mine.isPending && <Spinner />}
        {mine.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void mine.refetch()} />}
        {mine.data && mine.data.items.length === 0 && (
          <p className="text-sm text-slate-600">{t('referrals.list.empty')}</p>
        )}
        {mine.data && mine.data.items.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {mine.data.items.map((item) => (
              <ReferralItem key={item.id} item={item} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function RewardRuleNotice({ rule }: { rule: RewardRuleView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const note = lang === 'ja' ? (rule.noteJa ?? rule.noteEn) : (rule.noteEn ?? rule.noteJa);
  return (
    <section
      aria-labelledby="reward-rule-title"
      className="rounded-2xl border border-ai-200 bg-ai-50 px-5 py-4 text-sm text-ai-900"
    >
      <h2 id="reward-rule-title" className="font-semibold">
        {t('referrals.reward.title')}
      </h2>
      <p className="mt-1">
        {t('referrals.reward.amount', { amount: formatMoney(rule.amount, rule.currency, lang) })}
      </p>
      {note && <p className="mt-1 whitespace-pre-line text-ai-800">{note}</p>}
    </section>
  );
}

function ReferralItem({ item }: { item: MyReferral }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormat();
  const resend = useResendReferral();
  const [resent, setResent] = useState(false);
  const money = (amount: number | null, currency: string | null) =>
    amount !== null && currency ? formatMoney(amount, currency, lang) : '';
  return (
    <li className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        {item.candidateName === null ? (
          <CandidateDeleted />
        ) : (
          <p className="font-medium break-words text-slate-900">{item.candidateName}</p>
        )}
        <p className="text-sm text-slate-600">
          {/* A job without titles is no longer public or network: "a position", not its title. */}
          {item.job
            ? jobTitleIn(item.job, lang) || t('referrals.list.position')
            : t('referrals.list.general')}
          <span aria-hidden="true"> · </span>
          {t('referrals.list.referredOn', { date: format.dateTime(item.createdAt) })}
        </p>
        {item.status === 'awaiting_consent' && (
          <p className="text-xs text-slate-500">
            {t('referrals.list.until', { date: format.dateTime(item.consentExpiresAt) })}
          </p>
        )}
        {resent && <SuccessBanner>{t('referrals.list.resent')}</SuccessBanner>}
        {resend.isError && (
          <ErrorBanner message={isApiError(resend.error) ? resend.error.message : t('errors.generic')} />
        )}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2 sm:justify-end">
        <ReferralStatusBadge status={item.status} />
        {item.outcome && (
          <Badge tone={item.outcome === 'hired' ? 'green' : item.outcome === 'closed' ? 'neutral' : 'ai'}>
            {t(`referrals.outcome.${item.outcome}`)}
          </Badge>
        )}
        {item.rewardStatus !== 'none' && (
          <Badge tone={item.rewardStatus === 'paid' ? 'green' : 'shu'}>
            {t(`referrals.list.reward.${item.rewardStatus}`, {
              amount: money(item.rewardAmount, item.rewardCurrency),
            })}
          </Badge>
        )}
        {item.canResend && (
          <Button
            variant="secondary"
            size="sm"
            isBusy={resend.isPending}
            onClick={() => {
              setResent(false);
              resend.mutate(item.id, { onSuccess: () => setResent(true) });
            }}
          >
            {t('referrals.list.resend')}
          </Button>
        )}
      </div>
    </li>
  );
}
