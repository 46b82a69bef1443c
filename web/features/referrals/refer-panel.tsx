import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from '#common/jobs';
import { SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { useMe } from '#web/features/auth/use-me';
import { ReferralForm } from './referral-form';

/** Members who refer from a job page; HR refers from /referrals if they wish. */
const SHOWN_FOR = ['alumni', 'employee', 'leaver'];

/**
 * "Refer someone for this job", on the job page: a button that opens the referral form with the
 * job fixed. The form's success message stays after the form closes, with a link to my referrals.
 * Only for referable jobs (public or network): the candidate would read an internal job's title.
 * The job page passes what it knows of the job (its id and whether it is referable).
 */
export function ReferFromJob({ job }: { job: Pick<Job, 'id' | 'referable'> }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [isOpen, setOpen] = useState(false);
  const [isSent, setSent] = useState(false);
  if (!me || !SHOWN_FOR.includes(me.role) || !job.referable) return null;
  const jobId = job.id;
  return (
    <section
      aria-labelledby={`refer-${jobId}`}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id={`refer-${jobId}`} className="text-lg font-semibold text-slate-900">
            {t('referrals.panel.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t('referrals.panel.lead')}</p>
        </div>
        {!isOpen && (
          <Button
            variant="secondary"
            aria-expanded={false}
            onClick={() => {
              setSent(false);
              setOpen(true);
            }}
          >
            {t('referrals.panel.open')}
          </Button>
        )}
      </div>
      {isSent && !isOpen && (
        <div className="mt-4">
          <SuccessBanner>
            {t('referrals.panel.sent')}{' '}
            <Link to="/referrals" className="font-medium underline">
              {t('referrals.panel.toMine')}
            </Link>
          </SuccessBanner>
        </div>
      )}
      {isOpen && (
        <div className="mt-4 space-y-3">
          <ReferralForm
            fixedJobId={jobId}
            onSent={() => {
              setSent(true);
              setOpen(false);
            }}
          />
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            {t('referrals.panel.close')}
          </Button>
        </div>
      )}
    </section>
  );
}
