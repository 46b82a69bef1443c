import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Post } from '#common/posts';
import { Badge } from '#web/components/ui/badge';
import { useFormat } from '#web/lib/format';
import { PostBody } from './post-body';

/** Kind, company, audience, pinned and hidden badges of a post. */
export function PostBadges({ post }: { post: Post }) {
  const { t } = useTranslation();
  const f = useFormat();
  const groupName = post.group
    ? ((f.lang === 'ja' ? post.group.nameJa : post.group.nameEn) ?? post.group.nameJa ?? post.group.nameEn)
    : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {post.pinned && <Badge tone="shu">📌 {t('posts.pinned')}</Badge>}
      {post.isCompany && <Badge tone="ai">{t('posts.company')}</Badge>}
      <Badge>{t(`posts.kinds.${post.kind}`)}</Badge>
      <Badge tone={post.audience.preset === 'employees' ? 'amber' : 'neutral'}>
        {post.audience.preset === 'group'
          ? groupName
            ? t('posts.audience.group', { name: groupName })
            : t('posts.audience.groupPlain')
          : t(`posts.audience.${post.audience.preset}`)}
      </Badge>
      {post.hidden && <Badge tone="red">{t('posts.hidden')}</Badge>}
    </div>
  );
}

/** Who wrote it and when. */
export function PostByline({ post }: { post: Post }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className="text-sm text-slate-600">
      <Link to={`/members/${post.author.id}`} className="font-medium text-slate-900 hover:underline">
        {post.author.displayName}
      </Link>{' '}
      <span className="text-xs text-slate-500">({f.role(post.author.role)})</span> ·{' '}
      <time dateTime={post.createdAt}>{f.dateTime(post.createdAt)}</time>
      {post.editedAt && <span> · {t('posts.edited')}</span>}
    </p>
  );
}

/** A post in a list: title, badges, the body, images, and a link to the post's page. */
export function PostCard({ post }: { post: Post }) {
  const { t } = useTranslation();
  const reactionTotal = Object.values(post.reactionCounts).reduce((a, b) => a + b, 0);
  return (
    <article
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
      data-testid="post-card"
    >
      <PostBadges post={post} />
      <div className="mt-2">
        <PostByline post={post} />
      </div>
      {post.title && (
        <h3 className="mt-2 text-lg font-semibold text-slate-900">
          <Link to={`/posts/${post.id}`} className="hover:underline">
            {post.title}
          </Link>
        </h3>
      )}
      <PostBody html={post.bodyHtml} className="mt-1 max-h-72 overflow-hidden" />
      {post.images.length > 0 && (
        <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {post.images.slice(0, 3).map((image) => (
            <img
              key={image.id}
              src={image.url}
              alt={image.fileName}
              loading="lazy"
              className="aspect-video w-full rounded-lg object-cover"
            />
          ))}
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        {post.topics.map((topic) => (
          <Link
            key={topic}
            to={`/topics/${encodeURIComponent(topic)}`}
            className="text-ai-700 hover:underline"
          >
            #{topic}
          </Link>
        ))}
        <span className="ml-auto">
          {reactionTotal > 0 && `${t('posts.reactions', { count: reactionTotal })} · `}
          {t('posts.comments', { count: post.commentCount })}
        </span>
        <Link
          to={`/posts/${post.id}`}
          className="font-medium text-ai-700 hover:underline"
          aria-label={t('posts.open')}
        >
          {t('posts.open')} →
        </Link>
      </div>
    </article>
  );
}
