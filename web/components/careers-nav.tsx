import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '#web/features/auth/use-me';

const tabClasses = ({ isActive }: { isActive: boolean }) =>
  'whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors ' +
  (isActive ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900');

/**
 * The jobs area's own tabs, above every jobs and careers page: the list, what fits me, alerts,
 * referrals I made, and — for alumni — "coming back" (return interest).
 */
export function CareersNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: '/jobs', label: t('careersNav.jobs'), end: true },
    { to: '/jobs/fit', label: t('careersNav.fit') },
    { to: '/jobs/alerts', label: t('careersNav.alerts') },
    { to: '/referrals', label: t('careersNav.referrals') },
  ];
  if (me?.role === 'alumni') links.push({ to: '/careers/return', label: t('careersNav.comeBack') });
  if (me && me.role !== 'alumni') links.push({ to: '/careers/paths', label: t('careers.nav') });
  return (
    <nav
      aria-label={t('careersNav.label')}
      className="-mx-1 flex gap-1 overflow-x-auto"
      data-testid="careers-nav"
    >
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className={tabClasses}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
