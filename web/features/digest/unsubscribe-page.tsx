import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useUnsubscribeByToken } from './use-digest';

/**
 * The page the digest's "unsubscribe" link opens. Opening it changes nothing (mail scanners and
 * link prefetchers open links in advance, RFC 8058); the one button unsubscribes.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('digest.unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribeByToken();
  const notFound =
    isApiError(unsubscribe.error) && ['not_found', 'bad_request'].includes(unsubscribe.error.code);
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 text-center sm:py-14">
      <OrgIdentity className="mb-4" />
      <h1 className="text-2xl font-bold text-slate-900">{t('digest.unsubscribe.title')}</h1>
      <div className="mt-6 space-y-4 text-left">
        {unsubscribe.isSuccess ? (
          <>
            <SuccessBanner>{t('digest.unsubscribe.done')}</SuccessBanner>
            <p className="text-sm text-slate-700">{t('digest.unsubscribe.later')}</p>
          </>
        ) : (
          <>
            <p className="text-slate-700">{t('digest.unsubscribe.lead')}</p>
            {unsubscribe.isError && (
              <ErrorBanner message={notFound ? t('digest.unsubscribe.invalid') : t('errors.generic')} />
            )}
            <Button
              className="w-full"
              disabled={!token}
              isBusy={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate(token)}
            >
              {t('digest.unsubscribe.submit')}
            </Button>
          </>
        )}
        <Link to="/settings/digest" className={buttonClasses('secondary', 'md', 'w-full')}>
          {t('digest.unsubscribe.toSettings')}
        </Link>
      </div>
    </div>
  );
}
