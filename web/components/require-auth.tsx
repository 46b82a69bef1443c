import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isHrRole, useMe } from '#web/features/auth/use-me';
import { AdminNav } from './admin-nav';
import { AdminsOnlyPage } from './admins-only-page';
import { NotFoundPage } from './not-found-page';
import { ErrorBanner } from './ui/banners';
import { PageSpinner } from './ui/spinner';

/** Everything in Kizuna needs a signed-in member; others go to the login page and come back. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-10">
        <ErrorBanner message={t('errors.generic')} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  // First sign-in (or consents to be asked again): the consent step comes before anything else.
  if (me.data.consentsReviewedAt === null && location.pathname !== '/welcome') {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/welcome' : `/welcome?next=${encodeURIComponent(next)}`;
    // The page asked for may carry state (e.g. the profile editor's first-visit notice): keep it.
    return <Navigate to={to} replace state={{ nextState: location.state }} />;
  }
  return <Outlet />;
}

/** HR pages do not exist for other members (the same 404 the API gives them). */
export function RequireHr() {
  const me = useMe();
  if (!me.data || !isHrRole(me.data.role)) return <NotFoundPage />;
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}

/**
 * Admin-only pages (inside RequireHr): HR is told "admins only" rather than shown a bare 404;
 * everyone else already got the 404 from RequireHr. One guard for every such page.
 */
export function RequireAdmin() {
  const me = useMe();
  if (me.data?.role !== 'admin') return <AdminsOnlyPage />;
  return <Outlet />;
}
