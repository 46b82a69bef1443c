import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN } from '#common/reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { TextField } from '#web/components/ui/text-field';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useResetPassword } from './use-account';

type FieldErrors = Partial<Record<'newPassword' | 'confirm', string[]>>;

/**
 * The page the emailed reset link opens (/reset-password?token=…). Setting the password is a
 * button (a POST): a mail scanner opening the link cannot use it up.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (newPassword.length < PASSWORD_MIN)
      errors.newPassword = [t('validation.passwordLength', { n: PASSWORD_MIN })];
    if (confirm !== newPassword) errors.confirm = [t('validation.passwordMatch')];
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    reset.mutate(
      { token, newPassword },
      { onError: (error) => isApiError(error) && setFieldErrors({ newPassword: error.fields.newPassword }) },
    );
  };

  const tokenError = reset.isError && isApiError(reset.error) ? reset.error.fields.token?.[0] : undefined;
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="mb-8 text-center">
        <OrgIdentity className="mb-4" />
        <h1 className="text-2xl font-bold text-slate-900">{t('account.reset.title')}</h1>
        {!reset.isSuccess && <p className="mt-2 text-sm text-slate-600">{t('account.reset.lead')}</p>}
      </div>
      {reset.isSuccess ? (
        <div className="space-y-4">
          <SuccessBanner>{t('account.reset.done')}</SuccessBanner>
          <Link to="/login" className={buttonClasses('primary', 'md', 'w-full')}>
            {t('account.reset.signIn')}
          </Link>
        </div>
      ) : !token ? (
        <ErrorBanner message={t('account.reset.missingToken')}>
          <Link to="/forgot-password" className="mt-2 inline-block underline">
            {t('account.reset.askAgain')}
          </Link>
        </ErrorBanner>
      ) : (
        <form
          noValidate
          onSubmit={onSubmit}
          className="space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          {reset.isError && (tokenError || !isApiError(reset.error) || !reset.error.fields.newPassword) && (
            <ErrorBanner
              message={tokenError ?? (isApiError(reset.error) ? reset.error.message : t('errors.generic'))}
            >
              {tokenError && (
                <Link to="/forgot-password" className="mt-2 inline-block underline">
                  {t('account.reset.askAgain')}
                </Link>
              )}
            </ErrorBanner>
          )}
          <TextField
            label={t('account.reset.newPassword')}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            hint={t('validation.passwordLength', { n: PASSWORD_MIN })}
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            errors={fieldErrors.newPassword}
          />
          <TextField
            label={t('account.reset.confirm')}
            type="password"
            name="confirm"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            errors={fieldErrors.confirm}
          />
          <Button type="submit" className="w-full" isBusy={reset.isPending}>
            {t('account.reset.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
