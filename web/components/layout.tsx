import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigate, useNavigation } from 'react-router';
import { isHrRole, useMe, useSaveLanguage, useSignOut } from '../features/auth/use-me';
import { Button } from './ui/button';
import { LanguageSwitcher } from './ui/language-switcher';

const navLinkClasses = ({ isActive }: { isActive: boolean }) =>
  'whitespace-nowrap rounded-lg px-2 py-2 text-sm font-medium transition-colors focus-visible:-outline-offset-3 sm:px-3 ' +
  (isActive ? 'bg-ai-50 text-ai-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900');

/** Header (brand, navigation, language, member) around every page. */
export function Layout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const isNavigating = navigation.state === 'loading';
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t('nav.skip')}
      </a>
      <ScrollRestoration />
      <Header />
      <div
        aria-hidden="true"
        className={`h-0.5 bg-ai-500 transition-opacity duration-300 ${isNavigating ? 'animate-pulse opacity-100' : 'opacity-0'}`}
      />
      <main id="main" className="flex-1">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white px-4 py-5 text-center text-xs text-slate-500">
        {t('footer.text')}
      </footer>
    </div>
  );
}

function Header() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const saveLanguage = useSaveLanguage();
  const navigate = useNavigate();

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4">
        <Link
          to="/"
          className="order-1 flex items-center gap-2 rounded-lg py-1 text-lg font-bold text-ai-800"
          aria-label={t('app.homeLink')}
        >
          <span
            aria-hidden="true"
            className="flex size-8 items-center justify-center rounded-lg bg-ai-700 text-white"
          >
            絆
          </span>
          <span>Kizuna</span>
        </Link>

        {me && (
          <nav
            aria-label={t('nav.label')}
            className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto md:order-2 md:mx-0 md:w-auto"
          >
            <NavLink to="/" end className={navLinkClasses}>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/directory" className={navLinkClasses}>
              {t('nav.directory')}
            </NavLink>
            <NavLink to={`/members/${me.id}`} className={navLinkClasses}>
              {t('nav.myProfile')}
            </NavLink>
            <NavLink to="/settings/my-data" className={navLinkClasses}>
              {t('privacy.navLink')}
            </NavLink>
            <NavLink to="/settings/privacy" className={navLinkClasses}>
              {t('consents.nav')}
            </NavLink>
            {isHrRole(me.role) && (
              <NavLink to="/admin/members" className={navLinkClasses}>
                {t('nav.admin')}
              </NavLink>
            )}
            {isHrRole(me.role) && (
              <NavLink to="/admin/join-requests" className={navLinkClasses}>
                {t('joinRequests.nav')}
              </NavLink>
            )}
            {isHrRole(me.role) && (
              <NavLink to="/admin/freshness" className={navLinkClasses}>
                {t('freshness.admin.nav')}
              </NavLink>
            )}
            {isHrRole(me.role) && (
              <NavLink to="/admin/outbox" className={navLinkClasses}>
                {t('outbox.nav')}
              </NavLink>
            )}
            {isHrRole(me.role) && (
              <NavLink to="/admin/hr-records" className={navLinkClasses}>
                {t('hrRecords.nav')}
              </NavLink>
            )}
          </nav>
        )}

        <div className="order-2 ml-auto flex items-center gap-2 md:order-3">
          <LanguageSwitcher onChange={(lng) => me && saveLanguage.mutate(lng)} />
          {me && (
            <>
              <span
                className="hidden max-w-40 truncate text-sm text-slate-700 lg:inline"
                title={me.displayName}
              >
                {me.displayName}
              </span>
              <Button
                variant="ghost"
                size="compact"
                isBusy={signOut.isPending}
                onClick={() =>
                  signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
                }
              >
                {t('nav.signOut')}
              </Button>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
