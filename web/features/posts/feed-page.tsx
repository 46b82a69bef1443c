import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { Feed } from './feed';

/** `/feed`: the home feed on its own page. */
export function FeedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('posts.feedTitle'));
  return (
    <div className="mx-auto max-w-3xl space-y-2 px-4 py-6 sm:py-8">
      <Feed headingLevel={1} lead={t('posts.feedLead')} />
    </div>
  );
}
