import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { TextField } from '#web/components/ui/text-field';
import { SIGNED_OUT_FORM_CLASSES, SignedOutPage } from '#web/features/auth/signed-out-page';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useRequestPasswordReset } from './use-account';

/** "Forgot password": asks for the address, then says the same thing whether it is known or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forgot.title'));
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setFieldErrors([t('validation.required')]);
      return;
    }
    setFieldErrors(undefined);
    request.mutate(email.trim(), {
      onError: (error) => {
        if (isApiError(error) && error.fields.email) setFieldErrors(error.fields.email);
      },
    });
  };

  return (
    <SignedOutPage title={t('account.forgot.title')} lead={t('account.forgot.lead')}>
      {request.isSuccess ? (
        <SuccessBanner>
          <p className="font-medium">{t('account.forgot.sentTitle')}</p>
          <p className="mt-1">{t('account.forgot.sent', { email: email.trim() })}</p>
        </SuccessBanner>
      ) : (
        <form noValidate onSubmit={onSubmit} className={SIGNED_OUT_FORM_CLASSES}>
          {request.isError && !(isApiError(request.error) && request.error.fields.email) && (
            <ErrorBanner message={isApiError(request.error) ? request.error.message : t('errors.generic')} />
          )}
          <TextField
            label={t('account.forgot.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={fieldErrors}
          />
          <Button type="submit" className="w-full" isBusy={request.isPending}>
            {t('account.forgot.submit')}
          </Button>
        </form>
      )}
      <p className="mt-6 text-center text-sm">
        <Link to="/login" className="text-ai-700 underline underline-offset-2">
          {t('account.forgot.back')}
        </Link>
      </p>
    </SignedOutPage>
  );
}
