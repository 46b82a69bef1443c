import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Post } from '#common/posts';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { CommentThread } from '#web/features/comments/comment-thread';
import { ReactionsBar } from '#web/features/comments/reactions-bar';
import { ReportButton } from '#web/features/moderation/report-button';
import { ShareKit } from '#web/features/sharing/share-kit';
import { ShareStats } from '#web/features/sharing/share-stats';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { PostBody } from './post-body';
import { PostBadges, PostByline } from './post-card';
import { useDeletePost, usePin, usePost, useRevisions, useUpdatePost } from './use-posts';

/** `/posts/:id`: one post the viewer may see (a 404 page otherwise). */
export function PostPage() {
  const { id } = useParams();
  const query = usePost(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))
      return <NotFoundPage />;
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <PostView post={query.data} />;
}

function PostView({ post }: { post: Post }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const remove = useDeletePost(post.id);
  const pin = usePin(post.id);
  useDocumentTitle(post.title ?? t(`posts.kinds.${post.kind}`));
  const hasShareKit = post.isCompany && !post.hidden && Boolean(post.shareUrl);

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <p>
        <Link to="/feed" className="text-sm text-ai-700 underline-offset-2 hover:underline">
          ← {t('posts.page.back')}
        </Link>
      </p>
      {post.hidden && (
        <div
          role="status"
          className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          data-testid="post-hidden"
        >
          <p className="font-medium">{t('posts.hidden')}</p>
          {post.hidden.reason && <p>{t('posts.hiddenReason', { reason: post.hidden.reason })}</p>}
          <p>{t('posts.hiddenNote')}</p>
        </div>
      )}
      <article className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        <PostBadges post={post} />
        <PostByline post={post} />
        {editing ? (
          <EditForm post={post} onDone={() => setEditing(false)} />
        ) : (
          <>
            {post.title && <h1 className="text-2xl font-bold text-slate-900">{post.title}</h1>}
            <PostBody html={post.bodyHtml} />
          </>
        )}
        {post.images.length > 0 && (
          <div className="grid gap-3 sm:grid-cols-2">
            {post.images.map((image) => (
              <a key={image.id} href={image.url} target="_blank" rel="noopener">
                <img
                  src={image.url}
                  alt={image.fileName}
                  width={image.width ?? undefined}
                  height={image.height ?? undefined}
                  className="h-auto w-full rounded-lg"
                />
              </a>
            ))}
          </div>
        )}
        {post.attachments.length > 0 && (
          <div>
            <h2 className="text-sm font-semibold text-slate-800">{t('posts.attachments')}</h2>
            <ul className="mt-1 space-y-1">
              {post.attachments.map((file) => (
                <li key={file.id}>
                  <a href={file.url} download={file.fileName} className="text-ai-700 underline">
                    📎 {file.fileName}
                  </a>{' '}
                  <span className="text-xs text-slate-500">({f.number(Math.ceil(file.size / 1024))} KB)</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {post.topics.length > 0 && (
          <p className="flex flex-wrap gap-3 text-sm">
            {post.topics.map((topic) => (
              <Link
                key={topic}
                to={`/topics/${encodeURIComponent(topic)}`}
                className="text-ai-700 hover:underline"
              >
                #{topic}
              </Link>
            ))}
          </p>
        )}
        {post.onCareerPaths && <p className="text-sm text-emerald-800">✓ {t('posts.careerPaths')}</p>}
        <div className="flex flex-wrap gap-2">
          {post.canEdit && !editing && (
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              {t('posts.page.edit')}
            </Button>
          )}
          {post.canPin && (
            <Button
              variant="secondary"
              size="sm"
              isBusy={pin.isPending}
              onClick={() => pin.mutate(!post.pinned)}
            >
              {post.pinned ? t('posts.page.unpin') : t('posts.page.pin')}
            </Button>
          )}
          {post.canDelete && (
            <Button
              variant="danger"
              size="sm"
              isBusy={remove.isPending}
              onClick={() => {
                if (window.confirm(t('posts.page.confirmDelete')))
                  remove.mutate(undefined, { onSuccess: () => navigate('/feed') });
              }}
            >
              {t('posts.page.delete')}
            </Button>
          )}
          {post.author.id !== me.id && (
            <span className="ml-auto">
              <ReportButton postId={post.id} />
            </span>
          )}
        </div>
      </article>
      {hasShareKit && <ShareKit post={post} />}
      {hasShareKit && isHrRole(me.role) && <ShareStats postId={post.id} />}
      <ReactionsBar postId={post.id} counts={post.reactionCounts} mine={post.myReactions} />
      <CommentThread postId={post.id} commentCount={post.commentCount} />
      {isHrRole(me.role) && <Revisions postId={post.id} />}
    </div>
  );
}

function EditForm({ post, onDone }: { post: Post; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePost(post.id);
  const [title, setTitle] = useState(post.title ?? '');
  const [body, setBody] = useState(post.bodyMarkdown ?? '');
  const fields = isApiError(update.error) ? update.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ title: title || null, bodyMarkdown: body }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      {update.isError && !Object.keys(fields).length && <ErrorBanner message={update.error.message} />}
      <TextField
        label={t('posts.composer.postTitle')}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={fields.title}
      />
      <TextArea
        label={t('posts.composer.body')}
        name="bodyMarkdown"
        rows={8}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={fields.bodyMarkdown}
      />
      <div className="flex gap-2">
        <Button type="submit" isBusy={update.isPending}>
          {t('posts.page.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('posts.composer.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Revisions({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useRevisions(postId, true);
  if (!query.data) return null;
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="post-revisions">
      <h2 className="font-semibold text-slate-900">{t('posts.page.revisions')}</h2>
      {query.data.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('posts.page.noRevisions')}</p>
      )}
      <ol className="mt-2 space-y-3">
        {query.data.items.map((r) => (
          <li key={r.id} className="text-sm">
            <p className="text-xs text-slate-500">
              {t('posts.page.revisionAt', { date: f.dateTime(r.createdAt) })} · {r.editedBy?.displayName}
            </p>
            {r.title && <p className="font-medium">{r.title}</p>}
            <pre className="whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans">{r.bodyMarkdown}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
