import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AdminReferral } from '#common/referrals';
import {
  PIPELINE_STAGES,
  type PipelineStage,
  REFERRAL_STATUSES,
  REWARD_STATUSES,
} from '#common/rehiring-reference';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable, type DataTableColumn } from '#web/components/ui/data-table';
import { Pagination } from '#web/components/ui/pagination';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat, useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { CandidateDeleted, formatMoney, jobTitleIn, ReferralStatusBadge } from './referral-labels';
import { RewardRuleForm } from './reward-rule-form';
import { ADMIN_PAGE_SIZE, useAdminReferrals, useMarkRewardPaid } from './use-referrals';

const pick = (value: string | null, allowed: readonly string[]) =>
  value && allowed.includes(value) ? value : 'all';

/**
 * HR: every referral with filters. A candidate's name, email and reason appear only once they
 * consented; other rows say why there is nothing to show. Eligible rewards can be marked paid.
 */
export function AdminReferralsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('referrals.admin.title'));
  const [params, setParams] = useSearchParams();
  const status = pick(params.get('status'), REFERRAL_STATUSES);
  const reward = pick(params.get('reward'), REWARD_STATUSES);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAdminReferrals({ status, reward, page });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const pageCount = list.data ? Math.max(1, Math.ceil(list.data.total / ADMIN_PAGE_SIZE)) : 1;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('referrals.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('referrals.admin.lead')}</p>
      </div>
      <Card
        title={t('referrals.admin.listTitle')}
        id="referrals"
        actions={
          list.data && (
            <p className="text-sm text-slate-600" aria-live="polite">
              {t('referrals.admin.total', { count: list.data.total })}
            </p>
          )
        }
      >
        <fieldset className="mb-4 grid gap-3 sm:grid-cols-3">
          <legend className="sr-only">{t('referrals.admin.filters')}</legend>
          <Select
            label={t('referrals.admin.filterStatus')}
            value={status}
            options={[
              { value: 'all', label: t('referrals.admin.all') },
              ...REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.status.${s}`) })),
            ]}
            onChange={(e) => setFilter('status', e.target.value)}
          />
          <Select
            label={t('referrals.admin.filterReward')}
            value={reward}
            options={[
              { value: 'all', label: t('referrals.admin.all') },
              ...REWARD_STATUSES.map((s) => ({ value: s, label: t(`referrals.admin.rewardStatus.${s}`) })),
            ]}
            onChange={(e) => setFilter('reward', e.target.value)}
          />
        </fieldset>
        {list.isPending && <Spinner />}
        {list.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />}
        {list.data && (
          <>
            <ReferralTable rows={list.data.items} isBusy={list.isPlaceholderData} />
            <Pagination
              page={page}
              pageCount={pageCount}
              onChange={(p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              }}
            />
          </>
        )}
      </Card>
      <Card title={t('referrals.admin.rule.title')} id="reward-rule">
        <RewardRuleForm />
      </Card>
    </div>
  );
}

function ReferralTable({ rows, isBusy }: { rows: AdminReferral[]; isBusy: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormat();
  const markPaid = useMarkRewardPaid();
  const money = (r: AdminReferral) =>
    r.rewardAmount !== null && r.rewardCurrency ? formatMoney(r.rewardAmount, r.rewardCurrency, lang) : '';

  const columns: DataTableColumn<AdminReferral>[] = [
    {
      key: 'date',
      header: t('referrals.admin.table.date'),
      cell: (r) => format.date(r.createdAt),
      className: 'whitespace-nowrap text-slate-600',
    },
    {
      key: 'referrer',
      header: t('referrals.admin.table.referrer'),
      className: 'whitespace-nowrap',
      cell: (r) =>
        r.referrer?.displayName ?? (
          <span className="text-slate-500">{t('referrals.admin.referrerGone')}</span>
        ),
    },
    {
      key: 'job',
      header: t('referrals.admin.table.job'),
      cell: (r) =>
        r.job ? (
          jobTitleIn(r.job, lang)
        ) : (
          <span className="text-slate-500">{t('referrals.list.general')}</span>
        ),
    },
    {
      key: 'candidate',
      header: t('referrals.admin.table.candidate'),
      className: 'min-w-64',
      cell: (r) =>
        r.candidate ? (
          <div className="space-y-1">
            <p className="font-medium text-slate-900">{r.candidate.name}</p>
            <p className="text-slate-600">
              <a className="underline" href={`mailto:${r.candidate.email}`}>
                {r.candidate.email}
              </a>
            </p>
            <details className="text-slate-700">
              <summary className="cursor-pointer text-xs text-ai-700">{t('referrals.admin.reason')}</summary>
              <p className="mt-1 whitespace-pre-line break-words">{r.candidate.reason}</p>
            </details>
          </div>
        ) : r.redactedAt ? (
          <CandidateDeleted />
        ) : (
          <span className="text-slate-500 italic">{t(`referrals.admin.masked.${maskKey(r.status)}`)}</span>
        ),
    },
    {
      key: 'status',
      header: t('referrals.admin.table.status'),
      cell: (r) => (
        <div className="flex flex-col items-start gap-1">
          <ReferralStatusBadge status={r.status} />
          {r.stage && (
            <span className="text-xs text-slate-600">
              {t('referrals.admin.stage', { stage: t(`referrals.admin.stages.${stageKey(r.stage)}`) })}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'reward',
      header: t('referrals.admin.table.reward'),
      cell: (r) => {
        if (r.rewardStatus === 'none') return <span className="text-slate-400">—</span>;
        if (r.rewardStatus === 'paid') {
          return (
            <Badge tone="green">
              {t('referrals.admin.rewardPaid', {
                amount: money(r),
                date: r.rewardPaidAt ? format.date(r.rewardPaidAt) : '',
              })}
            </Badge>
          );
        }
        const isThis = markPaid.isPending && markPaid.variables === r.id;
        const failed = markPaid.isError && markPaid.variables === r.id;
        return (
          <div className="flex flex-col items-start gap-1.5">
            <Badge tone="shu">{t('referrals.admin.rewardEligible', { amount: money(r) })}</Badge>
            <Button size="sm" variant="secondary" isBusy={isThis} onClick={() => markPaid.mutate(r.id)}>
              {t('referrals.admin.markPaid')}
            </Button>
            {failed && (
              <span role="alert" className="text-xs text-red-700">
                {isApiError(markPaid.error) ? markPaid.error.message : t('errors.generic')}
              </span>
            )}
          </div>
        );
      },
    },
  ];
  return (
    <DataTable
      caption={t('referrals.admin.listTitle')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      minWidth="60rem"
      empty={t('referrals.admin.empty')}
      isBusy={isBusy}
    />
  );
}

const MASKED = ['awaiting_consent', 'declined', 'expired'] as const;
const maskKey = (status: string) =>
  (MASKED as readonly string[]).includes(status) ? (status as (typeof MASKED)[number]) : 'awaiting_consent';

const stageKey = (stage: string): PipelineStage =>
  (PIPELINE_STAGES as readonly string[]).includes(stage) ? (stage as PipelineStage) : 'interested';
