import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { buttonClasses } from './ui/button';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <p aria-hidden="true" className="text-6xl font-bold text-ai-200">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold text-slate-900">{t('notFound.title')}</h1>
      <p className="mt-2 text-slate-600">{t('notFound.body')}</p>
      <Link to="/" className={buttonClasses('primary', 'md', 'mt-6')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}
