import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostPage } from '#common/posts';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { Composer } from './composer';
import { PostCard } from './post-card';
import { usePostPages } from './use-posts';

/** A keyset-paged list of posts with "show more". */
export function PostList({
  path,
  params = {},
}: {
  path: string;
  params?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const query = usePostPages(path, params);
  if (query.isPending) return <Spinner label={t('posts.loading')} />;
  if (query.isError)
    return <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page: PostPage) => page.items);
  return (
    <div className="space-y-4" data-testid="post-list">
      {items.length === 0 && <p className="text-slate-600">{t('posts.empty')}</p>}
      {items.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            isBusy={query.isFetchingNextPage}
          >
            {t('posts.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * The viewer's home feed: a composer, then what they may see, pinned posts first. `top` is what the
 * page puts above the posts (home and /feed: upcoming events, decision 044) — the posts feature
 * does not know the other features.
 */
export function Feed({
  showComposer = true,
  headingLevel = 2,
  lead,
  top,
}: {
  top?: ReactNode;
  /** A sentence under the heading (the feed's own page). */
  lead?: string;
  showComposer?: boolean;
  /** 1 on the feed's own page (its title), 2 inside another page such as home. */
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="feed-title" className="space-y-4">
      <Heading
        id="feed-title"
        className={
          headingLevel === 1 ? 'text-2xl font-bold text-slate-900' : 'text-xl font-bold text-slate-900'
        }
      >
        {t('posts.feedTitle')}
      </Heading>
      {lead && <p className="text-slate-600">{lead}</p>}
      {showComposer && <Composer />}
      {top}
      <PostList path="/feed" />
    </section>
  );
}
