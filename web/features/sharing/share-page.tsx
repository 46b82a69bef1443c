import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner } from '#web/components/ui/banners';
import { PageSpinner } from '#web/components/ui/spinner';
import { isHrRole, useMe } from '#web/features/auth/use-me';
import { CommentThread } from '#web/features/comments/comment-thread';
import { ReactionsBar } from '#web/features/comments/reactions-bar';
import { useReactions } from '#web/features/comments/use-comments';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ShareKit } from './share-kit';
import { ShareStats } from './share-stats';
import { useShareKit } from './use-sharing';

/** `/posts/:id/share`: a company post's share kit, its reactions and comments; HR sees the reach. */
export function SharePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const kit = useShareKit(id);
  const reactions = useReactions(id);
  useDocumentTitle(kit.data?.post.title ?? t('sharing.title'));

  if (kit.isPending) return <PageSpinner />;
  if (kit.isError) {
    if (isApiError(kit.error) && (kit.error.status === 404 || kit.error.status === 400))
      return <NotFoundPage />;
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <ErrorBanner message={kit.error.message} onRetry={() => void kit.refetch()} />
      </div>
    );
  }
  const post = kit.data.post;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <Link to={`/posts/${post.id}`} className="text-sm text-ai-700 hover:underline">
          ← {t('sharing.backToPost')}
        </Link>
        {post.title && <h1 className="mt-2 text-2xl font-bold text-slate-900">{post.title}</h1>}
      </div>
      <ShareKit post={post} />
      {me.data && isHrRole(me.data.role) && <ShareStats postId={post.id} />}
      <section aria-label={t('sharing.discussion')} className="space-y-6">
        {reactions.data && (
          <ReactionsBar postId={post.id} counts={reactions.data.counts} mine={reactions.data.mine} />
        )}
        <CommentThread postId={post.id} commentCount={0} />
      </section>
    </div>
  );
}
