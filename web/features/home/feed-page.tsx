import { useTranslation } from 'react-i18next';
import { Feed } from '#web/features/posts/feed';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { UpcomingEventsForYou } from './upcoming-events';

/**
 * `/feed`: the home feed on its own page, with the upcoming events on top as on home. It lives with
 * home, which composes the posts feature's feed with other features' blocks (decision 044).
 */
export function FeedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('posts.feedTitle'));
  return (
    <div className="mx-auto max-w-3xl space-y-2 px-4 py-6 sm:py-8">
      <Feed headingLevel={1} lead={t('posts.feedLead')} top={<UpcomingEventsForYou />} />
    </div>
  );
}
