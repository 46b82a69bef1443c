import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { OrgIdentity } from '#web/features/branding/org-identity';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useConfirmByToken } from './use-freshness';

/**
 * The page the emailed "yes, still the same" link opens. Confirming is a button (a POST): mail
 * scanners that open links in advance must not confirm on the member's behalf.
 */
export function FreshnessConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('freshness.confirm.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmByToken();
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 text-center sm:py-14">
      <OrgIdentity className="mb-4" />
      <h1 className="text-2xl font-bold text-slate-900">{t('freshness.confirm.title')}</h1>
      <div className="mt-6 space-y-4 text-left">
        {confirm.isSuccess ? (
          <SuccessBanner>{t('freshness.confirm.done')}</SuccessBanner>
        ) : (
          <>
            <p className="text-slate-700">{t('freshness.confirm.lead')}</p>
            {confirm.isError && (
              <ErrorBanner
                message={isApiError(confirm.error) ? confirm.error.message : t('errors.generic')}
              />
            )}
            <Button
              className="w-full"
              disabled={!token}
              isBusy={confirm.isPending}
              onClick={() => confirm.mutate(token)}
            >
              {t('freshness.confirm.submit')}
            </Button>
          </>
        )}
        <Link to="/" className={buttonClasses('secondary', 'md', 'w-full')}>
          {t('freshness.confirm.toApp')}
        </Link>
      </div>
    </div>
  );
}
