import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const tabClasses = ({ isActive }: { isActive: boolean }) =>
  'whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors ' +
  (isActive ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900');

/**
 * The people area's own tabs (issue 12), above each of its pages: people to meet, my connections,
 * mentors, and advice requests. One "People" entry in the header leads here.
 */
export function PeopleNav() {
  const { t } = useTranslation();
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: '/people', label: t('peopleNav.meet'), end: true },
    { to: '/people/connections', label: t('peopleNav.connections') },
    { to: '/mentors', label: t('peopleNav.mentors') },
    { to: '/advice', label: t('peopleNav.advice'), end: true },
  ];
  return (
    <nav
      aria-label={t('peopleNav.label')}
      className="-mx-1 flex gap-1 overflow-x-auto"
      data-testid="people-nav"
    >
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className={tabClasses}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
