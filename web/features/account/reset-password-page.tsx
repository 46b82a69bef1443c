import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN } from '#common/reference';
import {
  checkNewPassword,
  EMPTY_NEW_PASSWORD,
  type NewPasswordErrors,
  NewPasswordFields,
} from '#web/components/new-password-fields';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { SIGNED_OUT_FORM_CLASSES, SignedOutPage } from '#web/features/auth/signed-out-page';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useResetPassword } from './use-account';

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
  const [value, setValue] = useState(EMPTY_NEW_PASSWORD);
  const [fieldErrors, setFieldErrors] = useState<NewPasswordErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = checkNewPassword(value, t);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    reset.mutate(
      { token, newPassword: value.password },
      { onError: (error) => isApiError(error) && setFieldErrors({ password: error.fields.newPassword }) },
    );
  };

  const tokenError = reset.isError && isApiError(reset.error) ? reset.error.fields.token?.[0] : undefined;
  return (
    <SignedOutPage
      title={t('account.reset.title')}
      lead={reset.isSuccess ? undefined : t('account.reset.lead')}
    >
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
        <form noValidate onSubmit={onSubmit} className={SIGNED_OUT_FORM_CLASSES}>
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
          <NewPasswordFields
            value={value}
            onChange={setValue}
            labels={{ password: t('account.reset.newPassword'), confirm: t('account.reset.confirm') }}
            hint={t('validation.passwordLength', { n: PASSWORD_MIN })}
            errors={fieldErrors}
          />
          <Button type="submit" className="w-full" isBusy={reset.isPending}>
            {t('account.reset.submit')}
          </Button>
        </form>
      )}
    </SignedOutPage>
  );
}
