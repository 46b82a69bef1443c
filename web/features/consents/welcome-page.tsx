import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { CONSENT_PURPOSES } from '#common/consent-purposes';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { useCurrentMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { safeNextPath } from '#web/lib/safe-next';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ConsentSwitches } from './consent-switches';
import { type ConsentChoices, useSaveConsents } from './use-consents';

const NOTHING_GRANTED = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])) as ConsentChoices;

/**
 * The first sign-in step: one switch per purpose, all off until the member turns them on. The
 * route guard sends every member who has not answered yet here (decision 010).
 */
export function WelcomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('consents.welcome.title'));
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const nextState = (location.state as { nextState?: unknown } | null)?.nextState;
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [choices, setChoices] = useState<ConsentChoices>(NOTHING_GRANTED);
  const save = useSaveConsents();

  // Answered already (e.g. Back after saving): the privacy page is where answers change.
  if (me.consentsReviewedAt && !save.isSuccess && !save.isPending) {
    return <Navigate to="/settings/privacy" replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(choices, { onSuccess: () => navigate(next, { replace: true, state: nextState }) });
  };
  const error = save.error;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:py-12">
      <form onSubmit={onSubmit} className="space-y-6" noValidate>
        <header>
          <p className="text-sm font-medium text-ai-700">{t('consents.welcome.kicker')}</p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">
            {t('consents.welcome.heading', { name: me.displayName })}
          </h1>
          <p className="mt-3 text-slate-700">{t('consents.welcome.lead')}</p>
        </header>
        {error && (
          <ErrorBanner
            message={
              isApiError(error) ? (error.fields.textVersion?.[0] ?? error.message) : t('errors.generic')
            }
          />
        )}
        <ConsentSwitches value={choices} onChange={setChoices} disabled={save.isPending} />
        <p className="text-sm text-slate-600">{t('consents.anyTime')}</p>
        <div className="flex justify-end">
          <Button type="submit" isBusy={save.isPending} data-testid="consents-submit">
            {t('consents.welcome.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
