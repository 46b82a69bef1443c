import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { PostList } from './feed';

/** `/topics/:topic`: posts tagged with a topic that the viewer may see. */
export function TopicPage() {
  const { t } = useTranslation();
  const { topic = '' } = useParams();
  const title = t('posts.topic.title', { topic });
  useDocumentTitle(title);
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:py-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        <p className="text-slate-600">{t('posts.topic.lead')}</p>
      </header>
      <PostList path={`/topics/${encodeURIComponent(topic)}`} />
    </div>
  );
}
