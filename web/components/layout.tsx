import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigate,
  useNavigation,
} from 'react-router';
import { isHrRole, useMe, useSaveLanguage, useSignOut } from '#web/features/auth/use-me';
import { OrgBadge } from '#web/features/branding/org-identity';
import { ConnectionsBadge } from '#web/features/connections/connections-badge';
import { MessagesNavLink } from '#web/features/messaging/messages-nav-link';
import { NotificationBell } from '#web/features/notifications/notification-bell';
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
      {/* Focusable so the skip link moves the keyboard there, not only the scroll position. */}
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
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
  const { pathname } = useLocation();
  const navId = useId();
  const nav = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  // On narrow screens the navigation is a menu behind a button (wide screens show it inline).
  const [isMenuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: following a link (a new path) closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!isMenuOpen) return;
    nav.current?.querySelector('a')?.focus();
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [isMenuOpen]);

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4">
        <Link
          to="/"
          className="order-1 flex items-center gap-2 rounded-lg py-1 text-lg font-bold text-ai-800"
          // Named by its visible text (no aria-label): what a voice-control user reads is what they say.
        >
          <span
            aria-hidden="true"
            className="flex size-8 items-center justify-center rounded-lg bg-ai-700 text-white"
          >
            絆
          </span>
          <span>Kizuna</span>
        </Link>
        <OrgBadge />

        {me && (
          <nav
            id={navId}
            ref={nav}
            aria-label={t('nav.label')}
            className={`order-3 w-full flex-col gap-1 pb-2 lg:order-2 lg:flex lg:w-auto lg:flex-row lg:pb-0 ${isMenuOpen ? 'flex' : 'hidden'}`}
          >
            <NavLink to="/" end className={navLinkClasses}>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/feed" className={navLinkClasses}>
              {t('posts.feedTitle')}
            </NavLink>
            <NavLink to="/directory" className={navLinkClasses}>
              {t('nav.directory')}
            </NavLink>
            <NavLink
              to="/jobs"
              className={() =>
                navLinkClasses({
                  isActive: ['/jobs', '/referrals', '/careers'].some((p) => pathname.startsWith(p)),
                })
              }
            >
              {t('nav.jobs')}
            </NavLink>
            <NavLink to="/groups" className={navLinkClasses}>
              {t('groups.nav.main')}
            </NavLink>
            <NavLink to="/events" className={navLinkClasses}>
              {t('events.nav')}
            </NavLink>
            <NavLink
              to="/people"
              className={() =>
                navLinkClasses({
                  isActive: ['/people', '/mentors', '/advice'].some((p) => pathname.startsWith(p)),
                })
              }
            >
              {t('connections.nav')}
              <ConnectionsBadge />
            </NavLink>
            <MessagesNavLink className={navLinkClasses} />
            <NavLink to={`/members/${me.id}`} className={navLinkClasses}>
              {t('nav.myProfile')}
            </NavLink>
            {isHrRole(me.role) && (
              <NavLink
                to="/admin/members"
                className={() => navLinkClasses({ isActive: pathname.startsWith('/admin') })}
              >
                {t('nav.admin')}
              </NavLink>
            )}
            {me.isManager && !isHrRole(me.role) && (
              <NavLink to="/manager/exits" className={navLinkClasses}>
                {t('exits.nav.manager')}
              </NavLink>
            )}
            {(me.role === 'leaver' || me.hasExitCase) && (
              <NavLink to="/me/exit" className={navLinkClasses}>
                {t('exits.nav.me')}
              </NavLink>
            )}
          </nav>
        )}

        <div className="order-2 ml-auto flex items-center gap-1 sm:gap-2 lg:order-3">
          <LanguageSwitcher onChange={(lng) => me && saveLanguage.mutate(lng)} />
          {me && <NotificationBell />}
          {me && (
            <AccountMenu
              name={me.displayName}
              isSigningOut={signOut.isPending}
              onSignOut={() =>
                signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
              }
            />
          )}
          {me && (
            <button
              ref={menuButton}
              type="button"
              aria-expanded={isMenuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
              className="flex items-center gap-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
                <path
                  fillRule="evenodd"
                  d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5.25a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 10Zm.75 4.5a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5H2.75Z"
                  clipRule="evenodd"
                />
              </svg>
              {t('nav.menu')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}

/** The member's own things (data, consents) and sign-out, behind their name. */
function AccountMenu({
  name,
  isSigningOut,
  onSignOut,
}: {
  name: string;
  isSigningOut: boolean;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menu.current?.open) return;
    close();
    menu.current.querySelector('summary')?.focus();
  };
  const itemClasses =
    'block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900';
  return (
    <details ref={menu} className="relative" data-testid="account-menu" onKeyDown={closeOnEscape}>
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded-lg px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
        aria-label={t('nav.accountMenu', { name })}
      >
        <span className="max-w-24 truncate sm:max-w-40">{name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-56 rounded-xl border border-slate-200 bg-white p-1 shadow-lg">
        <Link to="/settings/my-data" className={itemClasses} onClick={close}>
          {t('privacy.navLink')}
        </Link>
        <Link to="/settings/privacy" className={itemClasses} onClick={close}>
          {t('consents.nav')}
        </Link>
        <Link to="/settings/security" className={itemClasses} onClick={close}>
          {t('account.security.navLink')}
        </Link>
        <Link to="/settings/notifications" className={itemClasses} onClick={close}>
          {t('notifications.settings.title')}
        </Link>
        <div className="my-1 border-t border-slate-100" />
        <Button
          variant="ghost"
          size="compact"
          className="w-full justify-start"
          isBusy={isSigningOut}
          onClick={onSignOut}
        >
          {t('nav.signOut')}
        </Button>
      </div>
    </details>
  );
}
