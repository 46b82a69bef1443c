import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettings } from '#common/privacy';
import { RETENTION_WARNING_DAYS, RETENTION_YEARS } from '#common/privacy-reference';
import { ROLES } from '#common/reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useErasureSettings, useRetentionSettings, useSaveErasure, useSaveRetention } from './use-my-data';

/** Admins: retention rules run daily by the queue, and what happens to an erased member's content. */
export function RetentionSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.retention.title'));
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('privacy.retention.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('privacy.retention.lead')}</p>
      </div>
      <Card title={t('privacy.retention.rulesTitle')} id="retention-rules">
        <RetentionForm />
      </Card>
      <Card title={t('privacy.erasure.title')} id="erasure-policy">
        <ErasureForm />
      </Card>
    </div>
  );
}

function RetentionForm() {
  const { t } = useTranslation();
  const settings = useRetentionSettings();
  const save = useSaveRetention();
  const [values, setValues] = useState<{
    enabled: boolean;
    inactiveYears: string;
    warningDays: string;
    roles: RetentionSettings['roles'];
  }>();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (settings.data) {
      setValues({
        enabled: settings.data.enabled,
        inactiveYears: String(settings.data.inactiveYears),
        warningDays: String(settings.data.warningDays),
        roles: settings.data.roles,
      });
    }
  }, [settings.data]);

  if (settings.isPending || !values) {
    if (settings.isError) {
      return (
        <ErrorBanner
          message={isApiError(settings.error) ? settings.error.message : t('errors.generic')}
          onRetry={() => void settings.refetch()}
        />
      );
    }
    return <Spinner />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    // Sent as typed (numbers when they are numbers): the server's messages explain anything else.
    const toNumber = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
    save.mutate(
      {
        enabled: values.enabled,
        inactiveYears: toNumber(values.inactiveYears),
        warningDays: toNumber(values.warningDays),
        roles: values.roles,
      } as RetentionSettings,
      {
        onSuccess: () => setMessage({ kind: 'saved', text: t('privacy.retention.saved') }),
        onError: (error) => {
          setErrors(isApiError(error) ? error.fields : {});
          setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
        },
      },
    );
  };

  const roleErrors = Object.entries(errors)
    .filter(([k]) => k === 'roles' || k.startsWith('roles.'))
    .flatMap(([, v]) => v);

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">{t('privacy.retention.help')}</p>
      <Checkbox
        label={t('privacy.retention.enabled')}
        checked={values.enabled}
        onChange={(e) => setValues({ ...values, enabled: e.target.checked })}
        errors={errors.enabled}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('privacy.retention.inactiveYears')}
          hint={t('privacy.retention.range', RETENTION_YEARS)}
          type="number"
          inputMode="numeric"
          min={RETENTION_YEARS.min}
          max={RETENTION_YEARS.max}
          value={values.inactiveYears}
          onChange={(e) => setValues({ ...values, inactiveYears: e.target.value })}
          errors={errors.inactiveYears}
        />
        <TextField
          label={t('privacy.retention.warningDays')}
          hint={t('privacy.retention.range', RETENTION_WARNING_DAYS)}
          type="number"
          inputMode="numeric"
          min={RETENTION_WARNING_DAYS.min}
          max={RETENTION_WARNING_DAYS.max}
          value={values.warningDays}
          onChange={(e) => setValues({ ...values, warningDays: e.target.value })}
          errors={errors.warningDays}
        />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t('privacy.retention.roles')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={t(`roles.${role}`)}
              checked={values.roles.includes(role)}
              onChange={(e) =>
                setValues({
                  ...values,
                  roles: e.target.checked ? [...values.roles, role] : values.roles.filter((r) => r !== role),
                })
              }
            />
          ))}
        </div>
        <FieldErrors id="retention-roles-errors" errors={roleErrors} />
      </fieldset>
      <p className="text-sm text-slate-600">
        {values.enabled
          ? t('privacy.retention.summaryOn', {
              years: values.inactiveYears,
              days: values.warningDays,
              roles:
                values.roles.map((r) => t(`roles.${r}`)).join(t('privacy.retention.listSeparator')) || '—',
            })
          : t('privacy.retention.summaryOff')}
      </p>
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <div className="flex justify-end">
        <Button type="submit" isBusy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function ErasureForm() {
  const { t } = useTranslation();
  const settings = useErasureSettings();
  const save = useSaveErasure();
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Spinner />;
  if (settings.isError) {
    return (
      <ErrorBanner
        message={isApiError(settings.error) ? settings.error.message : t('errors.generic')}
        onRetry={() => void settings.refetch()}
      />
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('privacy.erasure.help')}</p>
      <Checkbox
        label={t('privacy.erasure.keepContent')}
        hint={t('privacy.erasure.keepContentHint')}
        checked={settings.data.keepContent}
        disabled={save.isPending}
        onChange={(e) => {
          setSaved(false);
          save.mutate({ keepContent: e.target.checked }, { onSuccess: () => setSaved(true) });
        }}
      />
      {saved && <SuccessBanner>{t('privacy.erasure.saved')}</SuccessBanner>}
      {save.isError && (
        <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
      )}
    </div>
  );
}
