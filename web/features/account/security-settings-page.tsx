import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSession } from '#common/account';
import { PASSWORD_MIN } from '#common/reference';
import { checkNewPassword, EMPTY_NEW_PASSWORD, NewPasswordFields } from '#web/components/new-password-fields';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useChangePassword, useRevokeOtherSessions, useRevokeSession, useSessions } from './use-account';

/** Settings › Password and sessions: change the password, see where you are signed in, sign out. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.security.title'));
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('account.security.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('account.security.lead')}</p>
      </div>
      <Card title={t('account.password.title')} id="account-password">
        <ChangePasswordForm />
      </Card>
      <Card title={t('account.sessions.title')} id="account-sessions">
        <SessionList />
      </Card>
    </div>
  );
}

type FieldErrors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm', string[]>>;

function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [value, setValue] = useState(EMPTY_NEW_PASSWORD);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { password, confirm } = checkNewPassword(value, t);
    const errors: FieldErrors = { newPassword: password, confirm };
    if (!currentPassword) errors.currentPassword = [t('validation.required')];
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) return;
    change.mutate(
      { currentPassword, newPassword: value.password },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setValue(EMPTY_NEW_PASSWORD);
        },
        onError: (error) => {
          if (isApiError(error)) setFieldErrors(error.fields as FieldErrors);
        },
      },
    );
  };

  const hasFieldErrors = isApiError(change.error) && Object.keys(change.error.fields).length > 0;
  return (
    <form noValidate onSubmit={onSubmit} className="max-w-md space-y-4">
      {change.isSuccess && (
        <SuccessBanner>{t('account.password.done', { count: change.data.revokedSessions })}</SuccessBanner>
      )}
      {change.isError && !hasFieldErrors && (
        <ErrorBanner message={isApiError(change.error) ? change.error.message : t('errors.generic')} />
      )}
      <TextField
        label={t('account.password.current')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        errors={fieldErrors.currentPassword}
      />
      <NewPasswordFields
        value={value}
        onChange={setValue}
        labels={{ password: t('account.password.new'), confirm: t('account.password.confirm') }}
        hint={t('validation.passwordLength', { n: PASSWORD_MIN })}
        errors={{ password: fieldErrors.newPassword, confirm: fieldErrors.confirm }}
      />
      <Button type="submit" isBusy={change.isPending}>
        {t('account.password.submit')}
      </Button>
    </form>
  );
}

function SessionList() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  if (sessions.isPending) return <Spinner />;
  if (sessions.isError) {
    return (
      <ErrorBanner
        message={isApiError(sessions.error) ? sessions.error.message : t('errors.generic')}
        onRetry={() => void sessions.refetch()}
      />
    );
  }
  const list = sessions.data.sessions;
  const hasOthers = list.some((s) => !s.isCurrent);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('account.sessions.lead')}</p>
      {revokeOthers.isSuccess && (
        <SuccessBanner>
          {t('account.sessions.revokedOthers', { count: revokeOthers.data.revoked })}
        </SuccessBanner>
      )}
      {revokeOthers.isError && <ErrorBanner message={t('errors.generic')} />}
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200">
        {list.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </ul>
      {hasOthers && (
        <Button variant="secondary" isBusy={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
          {t('account.sessions.revokeOthers')}
        </Button>
      )}
    </div>
  );
}

function SessionRow({ session }: { session: AccountSession }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeSession();
  const device = t('account.sessions.device', {
    browser: session.browser ?? t('account.sessions.unknownBrowser'),
    os: session.os ?? t('account.sessions.unknownOs'),
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="session-row">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          {device}
          {session.isCurrent && (
            <span className="ml-2 rounded-full bg-ai-50 px-2 py-0.5 text-xs font-medium text-ai-800">
              {t('account.sessions.thisDevice')}
            </span>
          )}
        </p>
        <p className="text-sm text-slate-600">
          {session.place
            ? t('account.sessions.place', { place: session.place })
            : t('account.sessions.unknownPlace')}
          {' · '}
          {t('account.sessions.lastSeen', { date: format.dateTime(session.lastSeenAt) })}
        </p>
        <p className="text-xs text-slate-500">
          {t('account.sessions.signedInAt', { date: format.dateTime(session.createdAt) })}
        </p>
      </div>
      {!session.isCurrent && (
        <Button
          variant="secondary"
          size="sm"
          isBusy={revoke.isPending}
          aria-label={t('account.sessions.revokeLabel', { device })}
          onClick={() => revoke.mutate(session.id)}
        >
          {t('account.sessions.revoke')}
        </Button>
      )}
    </li>
  );
}
