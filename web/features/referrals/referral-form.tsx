import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_NAME_MAX, REFERRAL_REASON_MAX, ReferralCreateSchema } from '#common/referrals';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { RequiredLegend } from '#web/components/ui/field';
import { Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';
import { validateWithSchema } from '#web/lib/zod-form';
import { jobTitleIn } from './referral-labels';
import { useCreateReferral, useReferableJobs } from './use-referrals';

type Key = 'candidateName' | 'candidateEmail' | 'candidateLocale' | 'jobId' | 'reason';
type Values = Record<Key, string>;

/**
 * The "refer someone" form: name, email, the language of the consent email, the job (fixed when
 * opened from a job page, else a choice of listed jobs or none), and why. What the member typed
 * stays in the fields when the server refuses it; the field errors appear under each field.
 */
export function ReferralForm({ fixedJobId, onSent }: { fixedJobId?: string; onSent?: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateReferral();
  const jobs = useReferableJobs(!fixedJobId);
  const empty: Values = {
    candidateName: '',
    candidateEmail: '',
    candidateLocale: lang,
    jobId: fixedJobId ?? '',
    reason: '',
  };
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const set = (key: Key, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
    setSentTo(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setSentTo(null);
    const body = {
      candidateName: values.candidateName.trim(),
      candidateEmail: values.candidateEmail.trim(),
      candidateLocale: values.candidateLocale === 'en' ? ('en' as const) : ('ja' as const),
      jobId: values.jobId === '' ? null : values.jobId,
      reason: values.reason.trim(),
    };
    // The server's schema first: an empty required field is shown without a request.
    const checked = validateWithSchema(ReferralCreateSchema, body);
    if (!checked.ok) return setErrors(checked.fields);
    create.mutate(body, {
      onSuccess: (created) => {
        setSentTo(created.candidateName);
        setValues(empty);
        onSent?.();
      },
      onError: (error) => {
        const fields = isApiError(error) ? error.fields : {};
        setErrors(fields);
        // A conflict is said under its field (e.g. the email); the banner would only repeat it.
        const saidUnderField = isApiError(error) && error.status !== 400 && Object.keys(fields).length > 0;
        setFormError(saidUnderField ? null : isApiError(error) ? error.message : t('errors.generic'));
      },
    });
  };

  const jobOptions = (jobs.data ?? []).map((j) => ({ value: j.id, label: jobTitleIn(j, lang) }));
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {sentTo && <SuccessBanner>{t('referrals.form.sent', { name: sentTo })}</SuccessBanner>}
      {formError && <ErrorBanner message={formError} />}
      <p className="text-sm text-slate-600">{t('referrals.form.help')}</p>
      <RequiredLegend />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('referrals.form.name')}
          value={values.candidateName}
          maxLength={REFERRAL_NAME_MAX}
          autoComplete="off"
          required
          onChange={(e) => set('candidateName', e.target.value)}
          errors={errors.candidateName}
        />
        <TextField
          label={t('referrals.form.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={values.candidateEmail}
          maxLength={254}
          required
          onChange={(e) => set('candidateEmail', e.target.value)}
          errors={errors.candidateEmail}
        />
        <Select
          label={t('referrals.form.locale')}
          hint={t('referrals.form.localeHint')}
          value={values.candidateLocale}
          options={[
            { value: 'ja', label: t('referrals.locales.ja') },
            { value: 'en', label: t('referrals.locales.en') },
          ]}
          onChange={(e) => set('candidateLocale', e.target.value)}
          errors={errors.candidateLocale}
        />
        {!fixedJobId && (
          <Select
            label={t('referrals.form.job')}
            value={values.jobId}
            emptyOption={t('referrals.form.general')}
            options={jobOptions}
            disabled={jobs.isPending}
            hint={jobs.isError ? t('referrals.form.jobsUnavailable') : undefined}
            onChange={(e) => set('jobId', e.target.value)}
            errors={errors.jobId}
          />
        )}
      </div>
      <TextArea
        label={t('referrals.form.reason')}
        hint={t('referrals.form.reasonHint')}
        value={values.reason}
        maxLength={REFERRAL_REASON_MAX}
        required
        onChange={(e) => set('reason', e.target.value)}
        errors={errors.reason}
        aside={
          <span aria-live="off" className="text-xs tabular-nums text-slate-500">
            {t('referrals.form.count', { n: values.reason.length, max: REFERRAL_REASON_MAX })}
          </span>
        }
      />
      <Button type="submit" isBusy={create.isPending}>
        {t('referrals.form.submit')}
      </Button>
    </form>
  );
}
