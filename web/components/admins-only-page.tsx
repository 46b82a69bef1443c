import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { buttonClasses } from './ui/button';

/**
 * What HR sees on an admin-only page: HR knows these pages exist (they are in the product), so a
 * bare 404 only confuses. The API still answers 404: this page holds no data.
 */
export function AdminsOnlyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('branding.adminsOnlyTitle'));
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center" data-testid="admins-only">
      <h1 className="text-2xl font-bold text-slate-900">{t('branding.adminsOnlyTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('branding.adminsOnlyBody')}</p>
      <Link to="/admin/members" className={buttonClasses('primary', 'md', 'mt-6')}>
        {t('branding.adminsOnlyBack')}
      </Link>
    </div>
  );
}
