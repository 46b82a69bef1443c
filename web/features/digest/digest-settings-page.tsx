import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIGEST_FREQUENCIES, type DigestFrequency, type DigestSettings } from '#common/digest';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { PageSpinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useDigestSettings, useSaveDigest } from './use-digest';

/** Settings › Digest: how often the member gets the community digest by email. */
export function DigestSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('digest.settings.title'));
  const settings = useDigestSettings();
  if (settings.isPending) return <PageSpinner />;
  if (settings.isError) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <ErrorBanner message={t('errors.generic')} onRetry={() => void settings.refetch()} />
      </div>
    );
  }
  return <DigestSettingsForm settings={settings.data} />;
}

function DigestSettingsForm({ settings }: { settings: DigestSettings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [frequency, setFrequency] = useState<DigestFrequency>(settings.frequency);
  const save = useSaveDigest();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(frequency);
  };
  const fieldError = isApiError(save.error) ? save.error.fields.frequency?.[0] : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t('digest.settings.title')}</h1>
        <p className="mt-2 text-slate-700">{t('digest.settings.lead')}</p>
      </header>
      {save.isSuccess && <SuccessBanner>{t('digest.settings.saved')}</SuccessBanner>}
      {save.isError && <ErrorBanner message={fieldError ?? t('errors.generic')} />}
      {!settings.newsletterConsent && (
        <p
          className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="digest-consent-off"
        >
          {t('digest.settings.consentOff')}{' '}
          <Link to="/settings/privacy" className="font-medium underline">
            {t('digest.settings.privacyLink')}
          </Link>
        </p>
      )}
      <Card>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <fieldset>
            <legend className="font-semibold text-slate-900">{t('digest.settings.frequency')}</legend>
            <div className="mt-3 space-y-2">
              {DIGEST_FREQUENCIES.map((value) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 has-checked:border-sky-600 has-checked:bg-sky-50"
                >
                  <input
                    type="radio"
                    name="frequency"
                    value={value}
                    checked={frequency === value}
                    onChange={() => {
                      save.reset();
                      setFrequency(value);
                    }}
                    className="size-4"
                  />
                  <span className="text-slate-900">{t(`digest.frequency.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-sm text-slate-600">
            {settings.lastSentAt
              ? t('digest.settings.lastSent', { date: format.dateTime(settings.lastSentAt) })
              : t('digest.settings.neverSent')}
          </p>
          <div className="flex justify-end">
            <Button type="submit" isBusy={save.isPending}>
              {t('digest.settings.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}

/** The link from the privacy settings page. */
export function DigestSettingsLink() {
  const { t } = useTranslation();
  return (
    <p className="text-sm text-slate-700">
      {t('digest.settings.fromPrivacy')}{' '}
      <Link to="/settings/digest" className="font-medium text-sky-800 underline">
        {t('digest.settings.title')}
      </Link>
    </p>
  );
}
