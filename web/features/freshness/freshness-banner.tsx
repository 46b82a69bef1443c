import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { useConfirmMyProfile, useMyFreshness } from './use-freshness';

/** Home: "Still at X as Y?" when the member's profile was not confirmed within HR's period. */
export function FreshnessBanner({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const freshness = useMyFreshness();
  const confirm = useConfirmMyProfile();
  if (confirm.isSuccess) {
    return (
      <div className="mb-6">
        <SuccessBanner>{t('freshness.banner.thanks')}</SuccessBanner>
      </div>
    );
  }
  const f = freshness.data;
  if (!f?.isStale) return null;
  const question = f.currentEmployer
    ? f.currentTitle
      ? t('freshness.banner.questionFull', { employer: f.currentEmployer, title: f.currentTitle })
      : t('freshness.banner.questionEmployer', { employer: f.currentEmployer })
    : t('freshness.banner.questionNone');
  return (
    <section
      aria-labelledby="freshness-question"
      className="mb-6 flex flex-wrap items-center gap-4 rounded-2xl border border-amber-200 bg-amber-50 px-5 py-4"
    >
      <div className="min-w-0 flex-1">
        <h2 id="freshness-question" className="font-semibold text-slate-900">
          {question}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('freshness.banner.lead')}</p>
        {confirm.isError && <p className="mt-1 text-sm text-red-700">{t('errors.generic')}</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => confirm.mutate()} isBusy={confirm.isPending}>
          {t('freshness.banner.yes')}
        </Button>
        <Link to={`/members/${memberId}/edit`} className={buttonClasses('secondary')}>
          {t('freshness.banner.update')}
        </Link>
      </div>
    </section>
  );
}
