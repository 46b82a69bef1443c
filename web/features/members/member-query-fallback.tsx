import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Profile } from '#common/profiles';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner } from '#web/components/ui/banners';
import { PageSpinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';

/**
 * What a member page shows until its member is loaded: a spinner, the not-found page for a member
 * the viewer may not see (the API's 404), or the error with a retry.
 * Use as `if (!member.isSuccess) return <MemberQueryFallback member={member} />`.
 */
export function MemberQueryFallback({ member }: { member: UseQueryResult<Profile> }) {
  const { t } = useTranslation();
  if (!member.isError) return <PageSpinner />;
  if (isApiError(member.error) && member.error.status === 404) return <NotFoundPage />;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <ErrorBanner
        message={isApiError(member.error) ? member.error.message : t('errors.generic')}
        onRetry={() => void member.refetch()}
      />
    </div>
  );
}
