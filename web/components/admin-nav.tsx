import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '#web/features/auth/use-me';

const tabClasses = ({ isActive }: { isActive: boolean }) =>
  'whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors ' +
  (isActive ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900');

/**
 * The HR area's own navigation: tabs above every admin page (wrapping onto a second row when needed), so the main header
 * stays short for HR too. Grouped by the job to be done: people, the leaving journey, mail, rules.
 */
export function AdminNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links: { to: string; label: string }[] = [
    { to: '/admin/members', label: t('adminNav.members') },
    { to: '/admin/hr-records', label: t('adminNav.hrRecords') },
    { to: '/admin/join-requests', label: t('adminNav.joinRequests') },
    { to: '/admin/jobs', label: t('adminNav.jobs') },
    { to: '/admin/groups', label: t('groups.nav.admin') },
    { to: '/admin/events/stats', label: t('events.stats.nav') },
    { to: '/admin/advice', label: t('advice.nav.admin') },
    { to: '/admin/pipeline', label: t('adminNav.pipeline') },
    { to: '/admin/referrals', label: t('adminNav.referrals') },
    { to: '/admin/exits', label: t('adminNav.exits') },
    { to: '/admin/exit-survey', label: t('adminNav.exitSurvey') },
    { to: '/admin/offboarding-templates', label: t('adminNav.offboardingTemplates') },
    { to: '/admin/freshness', label: t('adminNav.freshness') },
    { to: '/admin/moderation', label: t('adminNav.moderation') },
    { to: '/admin/outbox', label: t('adminNav.outbox') },
    { to: '/admin/company-posters', label: t('posts.posters.title') },
  ];
  if (me?.role === 'admin') links.push({ to: '/admin/settings/retention', label: t('adminNav.retention') });
  if (me?.role === 'admin') links.push({ to: '/admin/settings/branding', label: t('adminNav.branding') });
  return (
    <div className="border-b border-slate-200 bg-slate-50">
      <nav
        aria-label={t('adminNav.label')}
        // Wraps rather than scrolls: with twelve tabs a sideways strip hid the last ones at 1366 px.
        className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-2"
        data-testid="admin-nav"
      >
        {links.map((link) => (
          <NavLink key={link.to} to={link.to} className={tabClasses}>
            {link.label}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
