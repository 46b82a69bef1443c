import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralConsentRequest, ReferralConsentView } from '#common/referrals';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { AlertIcon } from '#web/components/ui/icons';
import { PageSpinner } from '#web/components/ui/spinner';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { useOrgName } from '#web/features/branding/use-branding';
import { isApiError } from '#web/lib/api';
import { useFormat, useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { jobTitleIn } from './referral-labels';
import { useConsentRequest, useDecideConsent } from './use-referrals';

/** The token sits in the fragment of the emailed link (never sent to a server, so never logged). */
const readHashToken = () =>
  typeof window === 'undefined' ? '' : window.location.hash.replace(/^#/, '').trim();

function useHashToken(): string {
  const [token, setToken] = useState(readHashToken);
  useEffect(() => {
    const onChange = () => setToken(readHashToken());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return token;
}

/**
 * Public (no sign-in): the person someone referred decides whether HR may see their details. The
 * page says who referred them, for what, why, and exactly what HR would see; then two buttons.
 * Answering is a POST from a button, so a mail scanner that opens links cannot answer for them.
 * Once answered, the same link shows only the status — and, after a "yes", the way to withdraw.
 */
export function ReferralConsentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('referrals.consent.title'));
  const token = useHashToken();
  const request = useConsentRequest(token);
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-10 sm:py-14">
      <OrgIdentity className="mb-4" />
      <h1 className="text-center text-2xl font-bold text-slate-900">{t('referrals.consent.title')}</h1>
      <div className="mt-8">
        {token === '' ? (
          <Unusable message={t('referrals.consent.noToken')} />
        ) : request.isPending ? (
          <PageSpinner />
        ) : request.isError ? (
          <Unusable
            message={isApiError(request.error) ? request.error.message : t('errors.generic')}
            onRetry={
              isApiError(request.error) && request.error.status === 404
                ? undefined
                : () => void request.refetch()
            }
          />
        ) : (
          <ConsentRequest token={token} view={request.data} />
        )}
      </div>
    </div>
  );
}

function Unusable({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (onRetry) return <ErrorBanner message={message} onRetry={onRetry} />;
  return (
    <section
      aria-labelledby="unusable-title"
      className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-700 shadow-xs"
    >
      <h2 id="unusable-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <AlertIcon className="size-5 text-amber-600" />
        {t('referrals.consent.unusableTitle')}
      </h2>
      <p className="mt-2">{message}</p>
    </section>
  );
}

function ConsentRequest({ token, view }: { token: string; view: ReferralConsentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideConsent(token);
  const decided = view.decidedAt
    ? t('referrals.consent.decidedOn', { date: format.dateTime(view.decidedAt) })
    : null;
  const error = decide.isError && (
    <ErrorBanner message={isApiError(decide.error) ? decide.error.message : t('errors.generic')} />
  );

  // Once answered the page says only where things stand (decision 019): the link is a bearer
  // token, and a forwarded one should not repeat who they are and what was said about them.
  if (!view.request) {
    return (
      <div className="space-y-6" data-testid="referral-consent-status">
        {view.status === 'consented' && <SuccessBanner>{t('referrals.consent.consented')}</SuccessBanner>}
        {view.status === 'declined' && (
          <SuccessBanner>
            {view.isWithdrawn ? t('referrals.consent.withdrawn') : t('referrals.consent.declined')}
          </SuccessBanner>
        )}
        {decided && <p className="text-sm text-slate-500">{decided}</p>}
        {view.canWithdraw && <WithdrawConsent decide={decide} error={error} />}
      </div>
    );
  }
  return <AwaitingConsent request={view.request} decide={decide} error={error} />;
}

type Decide = ReturnType<typeof useDecideConsent>;

function AwaitingConsent({
  request,
  decide,
  error,
}: {
  request: ReferralConsentRequest;
  decide: Decide;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const referrer = request.referrerName ?? t('referrals.consent.someone');
  const org = useOrgName();
  const title = request.job ? jobTitleIn(request.job, lang) : '';
  // A job without a title is one the candidate may not be told about: "a position".
  const target = title
    ? t('referrals.consent.forJob', { title, org })
    : request.job
      ? t('referrals.consent.forPosition', { org })
      : t('referrals.consent.forCompany', { org });

  return (
    <div className="space-y-6">
      <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs">
        <p className="text-slate-700">{t('referrals.consent.greeting', { name: request.candidateName })}</p>
        <h2 className="text-xl font-semibold text-slate-900">
          {t('referrals.consent.heading', { referrer })}
        </h2>
        <p className="font-medium text-ai-800">{target}</p>
        <figure>
          <figcaption className="text-sm font-medium text-slate-600">
            {t('referrals.consent.reasonLabel', { referrer })}
          </figcaption>
          <blockquote className="mt-1 border-l-4 border-ai-200 pl-4 whitespace-pre-line break-words text-slate-800">
            {request.reason}
          </blockquote>
        </figure>
      </section>

      <section
        aria-labelledby="hr-sees-title"
        className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs"
      >
        <h2 id="hr-sees-title" className="text-lg font-semibold text-slate-900">
          {t('referrals.consent.hrSeesTitle')}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-800">
          <li>{t('referrals.consent.hrName', { name: request.candidateName })}</li>
          <li>{t('referrals.consent.hrEmail', { email: request.candidateEmail })}</li>
          <li>{t('referrals.consent.hrReason', { referrer })}</li>
          <li>{t('referrals.consent.hrHistory')}</li>
        </ul>
        <p className="text-sm text-slate-600">{t('referrals.consent.hrContact')}</p>
        <p className="text-sm text-slate-600">{t('referrals.consent.referrerSees', { referrer })}</p>
        <p className="text-sm text-slate-600">{t('referrals.consent.ifNo')}</p>
        <p className="text-sm text-slate-600">{t('referrals.consent.withdrawInfo')}</p>
        <p className="text-sm text-slate-500">
          {t('referrals.consent.expires', { date: withZone(request.expiresAt, lang) })}
        </p>
        {error}
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button
            className="sm:flex-1"
            isBusy={decide.isPending && decide.variables === 'consent'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('consent')}
          >
            {t('referrals.consent.yes')}
          </Button>
          <Button
            variant="secondary"
            className="sm:flex-1"
            isBusy={decide.isPending && decide.variables === 'decline'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('decline')}
          >
            {t('referrals.consent.no')}
          </Button>
        </div>
      </section>
    </div>
  );
}

/** After agreeing: withdraw through the same link, with one confirming step against a stray tap. */
function WithdrawConsent({ decide, error }: { decide: Decide; error: ReactNode }) {
  const { t } = useTranslation();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <section
      aria-labelledby="withdraw-title"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs"
    >
      <h2 id="withdraw-title" className="text-lg font-semibold text-slate-900">
        {t('referrals.consent.withdrawTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t('referrals.consent.withdrawLead')}</p>
      {error}
      {isConfirming ? (
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button
            variant="danger"
            className="sm:flex-1"
            isBusy={decide.isPending}
            onClick={() => decide.mutate('withdraw')}
          >
            {t('referrals.consent.withdrawConfirm')}
          </Button>
          <Button
            variant="secondary"
            className="sm:flex-1"
            disabled={decide.isPending}
            onClick={() => setConfirming(false)}
          >
            {t('referrals.consent.withdrawCancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('referrals.consent.withdraw')}
        </Button>
      )}
    </section>
  );
}

/** The deadline with its time zone named: the candidate may be anywhere, the email says Tokyo. */
function withZone(iso: string, lang: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: name the parts instead.
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: lang === 'ja' ? '2-digit' : 'short',
    day: lang === 'ja' ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
