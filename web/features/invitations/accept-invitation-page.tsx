import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PASSWORD_MIN } from '#common/reference';
import {
  checkNewPassword,
  EMPTY_NEW_PASSWORD,
  type NewPasswordErrors,
  NewPasswordFields,
} from '#web/components/new-password-fields';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { PageSpinner } from '#web/components/ui/spinner';
import { SIGNED_OUT_FORM_CLASSES } from '#web/features/auth/signed-out-page';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { currentLanguage, isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useAcceptInvitation, useInvitationPreview } from './use-invitations';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invite.accept.title'));
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const format = useFormat();
  const [value, setValue] = useState(EMPTY_NEW_PASSWORD);
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (preview.isPending) return <PageSpinner />;
  if (preview.isError) {
    const error = preview.error;
    const isClosed = isApiError(error) && error.status === 409;
    const isInvalid = isApiError(error) && (error.status === 404 || error.status === 400);
    const message = isClosed
      ? error.message
      : isInvalid
        ? t('invite.accept.invalid')
        : isApiError(error)
          ? error.message
          : t('errors.generic');
    return (
      <div className="mx-auto max-w-md px-4 py-12">
        <OrgIdentity className="mb-4" />
        <h1 className="mb-4 text-center text-2xl font-bold text-slate-900">
          {isClosed
            ? t('inviteDelivery.accept.closedTitle')
            : isInvalid
              ? t('inviteDelivery.accept.invalidTitle')
              : t('invite.accept.title')}
        </h1>
        <ErrorBanner message={message} />
        {(isClosed || isInvalid) && (
          <div className="mt-4 space-y-2 rounded-xl bg-slate-50 px-4 py-3 text-sm text-slate-700">
            <p>{t('inviteDelivery.accept.askHr')}</p>
            <p>{t('inviteDelivery.accept.alreadyMember')}</p>
          </div>
        )}
        <Link to="/login" className={buttonClasses('secondary', 'md', 'mt-6')}>
          {t('invite.accept.toLogin')}
        </Link>
      </div>
    );
  }
  const invitation = preview.data;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = checkNewPassword(value, t);
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0) return;
    accept.mutate(
      { password: value.password, passwordConfirm: value.confirm, locale: currentLanguage() },
      {
        onSuccess: (me) => navigate(`/members/${me.id}/edit`, { replace: true, state: { welcome: true } }),
        onError: (error) => {
          if (isApiError(error)) {
            setErrors({ password: error.fields.password, confirm: error.fields.passwordConfirm });
            setFormError(error.message);
          } else {
            setFormError(t('errors.generic'));
          }
        },
      },
    );
  };

  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-14">
      <div className="mb-6 text-center">
        <OrgIdentity className="mb-4" />
        <h1 className="text-2xl font-bold text-slate-900">{t('invite.accept.title')}</h1>
        <p className="mt-3 text-slate-700">{t('invite.accept.greeting', { name: invitation.displayName })}</p>
        <p className="mt-1 text-sm text-slate-600">{t('invite.accept.lead')}</p>
      </div>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl bg-ai-50 px-4 py-3 text-sm">
        <dt className="text-slate-500">{t('fields.email')}</dt>
        <dd className="break-all text-slate-900">{invitation.email}</dd>
        <dt className="text-slate-500">{t('invite.role')}</dt>
        <dd className="text-slate-900">{format.role(invitation.role)}</dd>
        <dt className="text-slate-500">{t('invite.accept.expires')}</dt>
        <dd className="text-slate-900">{format.dateTime(invitation.expiresAt)}</dd>
      </dl>
      <form noValidate onSubmit={onSubmit} className={SIGNED_OUT_FORM_CLASSES}>
        {formError && <ErrorBanner message={formError} />}
        {/* Lets password managers store the new password under the right account. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hidden
        />
        <NewPasswordFields
          value={value}
          onChange={setValue}
          labels={{ password: t('invite.accept.password'), confirm: t('invite.accept.passwordConfirm') }}
          hint={t('invite.accept.passwordHint', { n: PASSWORD_MIN })}
          errors={errors}
          names={{ password: 'password', confirm: 'passwordConfirm' }}
        />
        <Button type="submit" className="w-full" isBusy={accept.isPending}>
          {t('invite.accept.submit')}
        </Button>
      </form>
    </div>
  );
}
