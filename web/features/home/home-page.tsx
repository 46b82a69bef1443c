import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SearchBox } from '#web/components/search-box';
import { buttonClasses } from '#web/components/ui/button';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { FreshnessBanner } from '#web/features/freshness/freshness-banner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';

const PILLARS = ['directory', 'diagonal', 'availability', 'privacy'] as const;

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useCurrentMe();
  const format = useFormat();
  const navigate = useNavigate();
  const isHr = isHrRole(me.role);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
      <FreshnessBanner memberId={me.id} />
      <section className="rounded-3xl bg-gradient-to-br from-ai-700 to-ai-900 px-5 py-8 text-white shadow-lg sm:px-10 sm:py-12">
        <p className="text-sm font-medium text-ai-200">{format.role(me.role)}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t('home.welcome', { name: me.displayName })}</h1>
        <p className="mt-3 max-w-2xl text-ai-100">{t('home.lead')}</p>
        <div className="mt-6 max-w-2xl rounded-2xl bg-white p-2 text-slate-900 shadow">
          <SearchBox
            size="lg"
            onSearch={(q) => navigate(q ? `/directory?q=${encodeURIComponent(q)}` : '/directory')}
          />
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to={`/members/${me.id}`} className={buttonClasses('secondary')}>
            {t('home.myProfile')}
          </Link>
          <Link to={`/members/${me.id}/edit`} className={buttonClasses('secondary')}>
            {t('home.editProfile')}
          </Link>
          {isHr && (
            <Link to="/admin/members" className={buttonClasses('secondary')}>
              {t('home.admin')}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="about-title" className="mt-10">
        <h2 id="about-title" className="text-xl font-bold text-slate-900">
          {t('home.about.title')}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">{t('home.about.body')}</p>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {PILLARS.map((key) => (
            <li key={key} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs">
              <h3 className="font-semibold text-ai-800">{t(`home.pillars.${key}.title`)}</h3>
              <p className="mt-2 text-sm text-slate-600">{t(`home.pillars.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
