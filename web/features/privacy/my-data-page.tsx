import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DATA_CATEGORIES, DELETE_CONFIRMATION_WORDS } from '#common/privacy-reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { useCurrentMe } from '#web/features/auth/use-me';
import { currentLanguage, isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useDeleteAccount, useDownloadMyData, useMyDataSummary } from './use-my-data';

/** "My data": what we hold, download it all, delete the account (decision 011). */
export function MyDataPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  useDocumentTitle(t('privacy.title'));
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('privacy.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('privacy.lead')}</p>
      </div>
      <Card title={t('privacy.held.title')} id="my-data-held">
        <HeldSummary />
      </Card>
      <Card title={t('privacy.download.title')} id="my-data-download">
        <DownloadSection />
      </Card>
      <Card title={t('privacy.delete.title')} id="my-data-delete" className="border-shu-200">
        <DeleteSection />
      </Card>
      {me.role === 'admin' && (
        <p className="text-sm">
          <Link to="/admin/settings/retention" className="text-ai-700 underline hover:text-ai-800">
            {t('privacy.retention.link')}
          </Link>
        </p>
      )}
    </div>
  );
}

function HeldSummary() {
  const { t } = useTranslation();
  const summary = useMyDataSummary();
  if (summary.isPending) return <Spinner />;
  if (summary.isError) {
    return (
      <ErrorBanner
        message={isApiError(summary.error) ? summary.error.message : t('errors.generic')}
        onRetry={() => void summary.refetch()}
      />
    );
  }
  const rows = new Map(summary.data.categories.map((c) => [c.category, c.rows]));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('privacy.held.help')}</p>
      <dl className="grid gap-x-8 sm:grid-cols-2">
        {DATA_CATEGORIES.map((category) => (
          <div
            key={category}
            className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-2"
          >
            <dt className="text-sm text-slate-800">
              {t(`privacy.categories.${category}.label`)}
              <span className="block text-xs text-slate-500">{t(`privacy.categories.${category}.help`)}</span>
            </dt>
            <dd className="shrink-0 text-sm tabular-nums text-slate-900">{rows.get(category) ?? 0}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function DownloadSection() {
  const { t } = useTranslation();
  const download = useDownloadMyData();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('privacy.download.help')}</p>
      {download.isSuccess && (
        <SuccessBanner>{t('privacy.download.done', { file: download.data })}</SuccessBanner>
      )}
      {download.isError && (
        <ErrorBanner message={isApiError(download.error) ? download.error.message : t('errors.generic')} />
      )}
      <Button isBusy={download.isPending} onClick={() => download.mutate()}>
        {t('privacy.download.button')}
      </Button>
    </div>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const word = DELETE_CONFIRMATION_WORDS[currentLanguage()];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const local: Record<string, string[]> = {};
    if (!password) local.password = [t('validation.required')];
    if (!confirmation.trim()) local.confirmation = [t('validation.required')];
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    remove.mutate(
      { password, confirmation },
      {
        onSuccess: () => void navigate('/account-deleted', { replace: true, state: { deleted: true } }),
        onError: (error) => {
          setErrors(isApiError(error) ? error.fields : {});
          setMessage(isApiError(error) ? error.message : t('errors.generic'));
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <div className="space-y-2 text-sm text-slate-700">
        <p>{t('privacy.delete.help')}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('privacy.delete.points.erased')}</li>
          <li>{t('privacy.delete.points.hr')}</li>
          <li>{t('privacy.delete.points.signedOut')}</li>
          <li>{t('privacy.delete.points.final')}</li>
        </ul>
        <p>{t('privacy.delete.downloadFirst')}</p>
      </div>
      {message && <ErrorBanner message={message} />}
      <TextField
        label={t('privacy.delete.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={errors.password}
      />
      <TextField
        label={t('privacy.delete.confirmation', { word })}
        hint={t('privacy.delete.confirmationHint')}
        autoComplete="off"
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
        errors={errors.confirmation}
      />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" isBusy={remove.isPending}>
          {t('privacy.delete.button')}
        </Button>
      </div>
    </form>
  );
}
