import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JoinRequestInputSchema } from '#common/verification';
import { NameFields, type NameKey } from '#web/components/name-fields';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { RequiredLegend } from '#web/components/ui/field';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { currentLanguage, isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { validateWithSchema } from '#web/lib/zod-form';
import { useSubmitJoinRequest } from './use-join-requests';

type Key = NameKey | 'email' | 'employeeNumber' | 'workEmail' | 'joinedOn' | 'leftOn' | 'message';
type Values = Record<Key, string>;

const empty: Values = {
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  familyNameRomaji: '',
  givenNameRomaji: '',
  email: '',
  employeeNumber: '',
  workEmail: '',
  joinedOn: '',
  leftOn: '',
  message: '',
};

/** Public: someone who worked here but was not invited asks to join (checked against HR records). */
export function JoinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('join.title'));
  const submit = useSubmitJoinRequest();
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSent, setSent] = useState(false);

  const set = (key: Key, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A corrected field stops showing its old error.
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
    const body = {
      familyName: values.familyName.trim(),
      givenName: values.givenName.trim(),
      familyNameKana: optional(values.familyNameKana),
      givenNameKana: optional(values.givenNameKana),
      familyNameRomaji: optional(values.familyNameRomaji),
      givenNameRomaji: optional(values.givenNameRomaji),
      email: values.email.trim(),
      employeeNumber: optional(values.employeeNumber),
      workEmail: optional(values.workEmail),
      joinedOn: values.joinedOn.trim(),
      leftOn: optional(values.leftOn),
      message: optional(values.message),
      locale: currentLanguage(),
    };
    // Checked with the server's schema first: a missing field is shown without a round trip.
    const checked = validateWithSchema(JoinRequestInputSchema, body);
    if (!checked.ok) return setErrors(checked.fields);
    submit.mutate(body, {
      onSuccess: () => setSent(true),
      onError: (error) => {
        setErrors(isApiError(error) ? error.fields : {});
        setFormError(isApiError(error) ? error.message : t('errors.generic'));
      },
    });
  };

  if (isSent) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-10 sm:py-14">
        <OrgIdentity className="mb-6" />
        <h1 className="mb-4 text-2xl font-bold text-slate-900">{t('join.title')}</h1>
        <SuccessBanner>
          <p className="font-medium">{t('join.sent.title')}</p>
          <p className="mt-1">{t('join.sent.body')}</p>
        </SuccessBanner>
        <Link to="/login" className={buttonClasses('secondary', 'md', 'mt-6')}>
          {t('join.toLogin')}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-10 sm:py-14">
      <OrgIdentity className="mb-6" />
      <div className="mb-6">
        <h1 className="text-2xl font-bold text-slate-900">{t('join.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('join.lead')}</p>
      </div>
      <form
        noValidate
        onSubmit={onSubmit}
        className="space-y-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
      >
        {formError && <ErrorBanner message={formError} />}
        <RequiredLegend />
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-900">{t('join.sections.name')}</legend>
          <NameFields values={values} errors={errors} onChange={set} />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-900">
            {t('join.sections.company')}
          </legend>
          <p className="text-sm text-slate-600 sm:col-span-2">{t('join.idHint')}</p>
          <TextField
            label={t('join.employeeNumber')}
            value={values.employeeNumber}
            maxLength={40}
            onChange={(e) => set('employeeNumber', e.target.value)}
            errors={errors.employeeNumber}
          />
          <TextField
            label={t('join.workEmail')}
            type="email"
            inputMode="email"
            value={values.workEmail}
            maxLength={254}
            onChange={(e) => set('workEmail', e.target.value)}
            errors={errors.workEmail}
          />
          <TextField
            label={t('join.joinedOn')}
            type="month"
            placeholder="2015-04"
            value={values.joinedOn}
            required
            onChange={(e) => set('joinedOn', e.target.value)}
            errors={errors.joinedOn}
          />
          <TextField
            label={t('join.leftOn')}
            type="month"
            placeholder="2024-03"
            value={values.leftOn}
            hint={t('join.leftOnHint')}
            onChange={(e) => set('leftOn', e.target.value)}
            errors={errors.leftOn}
          />
        </fieldset>
        <fieldset className="grid gap-4">
          <legend className="mb-2 text-base font-semibold text-slate-900">
            {t('join.sections.contact')}
          </legend>
          <TextField
            label={t('join.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            value={values.email}
            maxLength={254}
            required
            hint={t('join.emailHint')}
            onChange={(e) => set('email', e.target.value)}
            errors={errors.email}
          />
          <TextArea
            label={t('join.message')}
            value={values.message}
            maxLength={2000}
            hint={t('join.messageHint')}
            onChange={(e) => set('message', e.target.value)}
            errors={errors.message}
          />
        </fieldset>
        <p className="text-xs text-slate-500">{t('join.privacy')}</p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Link to="/login" className="text-sm text-ai-700 underline-offset-2 hover:underline">
            {t('join.toLogin')}
          </Link>
          <Button type="submit" isBusy={submit.isPending}>
            {t('join.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
