import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Job, jobTitle } from '#common/jobs';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { RequiredLegend } from '#web/components/ui/field';
import { PageSpinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { JobAudienceSection } from './job-form-audience';
import { JobDetailsSection } from './job-form-details';
import { JobTextsSection } from './job-form-texts';
import { JobStatusBadge } from './job-status';
import { useJobForm } from './use-job-form';
import { useJob } from './use-jobs';

/** `/admin/jobs/new` and `/admin/jobs/:id/edit` (HR). */
export function JobFormPage() {
  const { id } = useParams();
  const job = useJob(id);
  if (!id) return <JobForm key="new" />;
  if (job.isPending) return <PageSpinner />;
  if (job.isError) {
    if (isApiError(job.error) && (job.error.status === 404 || job.error.status === 400))
      return <NotFoundPage />;
    return (
      <div className="mx-auto max-w-5xl px-4 py-8">
        <ErrorBanner message={job.error.message} onRetry={() => void job.refetch()} />
      </div>
    );
  }
  return <JobForm key={job.data.id} job={job.data} />;
}

function JobForm({ job }: { job?: Job }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const heading = job ? t('jobs.form.editTitle') : t('jobs.form.newTitle');
  useDocumentTitle(heading);
  const notice = useFlash<'saved'>('notice');
  const form = useJobForm(job);
  const { state, set, savedAt, error, busy, fieldErrors, otherErrors, create, update, publish, close } = form;

  // An expired job is still open: a later closing date (Save) lists it again.
  const canPublish = job && job.status !== 'open';

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p>
            <Link to="/admin/jobs" className="text-sm text-ai-700 underline-offset-2 hover:underline">
              ← {t('jobs.admin.title')}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{heading}</h1>
          {job && <p className="mt-1 text-slate-700">{jobTitle(job, lang)}</p>}
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('jobs.form.lead')}</p>
        </div>
        {job?.status && (
          <div className="flex items-center gap-2 text-sm text-slate-600">
            {t('jobs.form.status')} <JobStatusBadge status={job.status} expired={job.expired ?? false} />
          </div>
        )}
      </div>

      {(notice === 'saved' || savedAt > 0) && !error && <SuccessBanner>{t('jobs.form.saved')}</SuccessBanner>}
      {error && (
        <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')}>
          {otherErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {otherErrors.map(([key, messages]) => (
                <li key={key}>{messages.join(' ')}</li>
              ))}
            </ul>
          )}
        </ErrorBanner>
      )}

      <form ref={form.formRef} onSubmit={form.submit} noValidate className="space-y-6" aria-label={heading}>
        <RequiredLegend />
        <JobTextsSection state={state} set={set} fieldErrors={fieldErrors} />
        <JobDetailsSection state={state} set={set} fieldErrors={fieldErrors} />
        <JobAudienceSection state={state} set={set} fieldErrors={fieldErrors} />

        <div className="flex flex-wrap gap-3">
          {!job && (
            <>
              <Button type="submit" variant="secondary" isBusy={busy && create.variables?.status === 'draft'}>
                {t('jobs.form.saveDraft')}
              </Button>
              <Button
                isBusy={busy && create.variables?.status === 'open'}
                onClick={() => form.saveNew('open')}
              >
                {t('jobs.form.publish')}
              </Button>
            </>
          )}
          {job && (
            <>
              <Button type="submit" variant={canPublish ? 'secondary' : 'primary'} isBusy={update.isPending}>
                {t('jobs.form.save')}
              </Button>
              {canPublish && (
                <Button
                  isBusy={publish.isPending}
                  disabled={busy}
                  onClick={() => form.saveExisting('publish')}
                >
                  {job.status === 'closed' ? t('jobs.form.reopen') : t('jobs.form.publish')}
                </Button>
              )}
              {job.status !== 'closed' && (
                <Button variant="danger" isBusy={close.isPending} disabled={busy} onClick={form.closeJob}>
                  {t('jobs.form.close')}
                </Button>
              )}
              <Link to={`/jobs/${job.id}`} className={buttonClasses('ghost', 'md')}>
                {t('jobs.admin.view')}
              </Link>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
