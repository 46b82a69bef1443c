import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { safeNextPath } from '#web/lib/safe-next';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { SIGNED_OUT_FORM_CLASSES, SignedOutPage } from './signed-out-page';
import { useMe, useSignIn } from './use-me';

type FieldErrors = Partial<Record<'email' | 'password', string[]>>;

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (me.isPending) return <PageSpinner />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = [t('validation.required')];
    if (!password) errors.password = [t('validation.required')];
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (signedIn) => {
          if (signedIn) navigate(next, { replace: true });
          else setFormError(t('errors.generic'));
        },
        onError: (error) => setFormError(signInErrorMessage(error, t)),
      },
    );
  };

  return (
    <SignedOutPage title={t('login.title')} lead={t('login.lead')}>
      <form noValidate onSubmit={onSubmit} className={SIGNED_OUT_FORM_CLASSES}>
        {formError && <ErrorBanner message={formError} />}
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors.email}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={fieldErrors.password}
        />
        <p className="-mt-2 text-right text-sm">
          <Link to="/forgot-password" className="text-ai-700 underline underline-offset-2">
            {t('account.forgot.link')}
          </Link>
        </p>
        <Button type="submit" className="w-full" isBusy={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </form>
      <p className="mt-6 text-center text-xs text-slate-500">{t('login.inviteOnly')}</p>
      <p className="mt-2 text-center text-sm">
        <Link to="/join" className="text-ai-700 underline-offset-2 hover:underline">
          {t('join.fromLogin')}
        </Link>
      </p>
    </SignedOutPage>
  );
}

/** better-auth answers in English with its own codes; each known one gets our own words. */
function signInErrorMessage(
  error: unknown,
  t: (
    key:
      | 'login.errors.invalid'
      | 'login.errors.invalidEmail'
      | 'errors.rateLimited'
      | 'errors.network'
      | 'errors.generic',
  ) => string,
) {
  if (!isApiError(error)) return t('errors.generic');
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'USER_NOT_FOUND':
    case 'INVALID_PASSWORD':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return t('login.errors.invalid');
    case 'INVALID_EMAIL':
      return t('login.errors.invalidEmail');
    case 'network':
      return t('errors.network');
    default:
      if (error.status === 401) return t('login.errors.invalid');
      if (error.status === 429) return t('errors.rateLimited');
      return t('errors.generic');
  }
}
