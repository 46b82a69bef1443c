import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Comment, CommentWithReplies } from '#common/comments';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea } from '#web/components/ui/text-field';
import { ReportButton } from '#web/features/moderation/report-button';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useAddComment, useComments, useDeleteComment, useEditComment } from './use-comments';

/** How member text (server-sanitised HTML) looks: links, lists, quotes and code. */
const MEMBER_TEXT =
  '[&_a]:text-ai-700 [&_a]:underline [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 ' +
  '[&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:overflow-x-auto';

/** Comments and replies under a post: read, write, reply one level, edit and delete one's own. */
export function CommentThread({ postId, commentCount }: { postId: string; commentCount: number }) {
  const { t } = useTranslation();
  const thread = useComments(postId);
  const count = thread.data?.pages[0]?.commentCount ?? commentCount;
  const items = thread.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby={`comments-${postId}`} className="space-y-4">
      <h2 id={`comments-${postId}`} className="text-lg font-semibold text-slate-900">
        {t('comments.heading')}{' '}
        <span className="text-sm font-normal text-slate-500">{t('comments.count', { count })}</span>
      </h2>
      {thread.isPending ? (
        <Spinner />
      ) : thread.isError ? (
        <ErrorBanner message={thread.error.message} onRetry={() => void thread.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('comments.empty')}</p>
      ) : (
        <ol className="space-y-4">
          {items.map((item) => (
            <li key={item.id}>
              <CommentItem postId={postId} comment={item} />
            </li>
          ))}
        </ol>
      )}
      {thread.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          isBusy={thread.isFetchingNextPage}
          onClick={() => void thread.fetchNextPage()}
        >
          {t('comments.loadMore')}
        </Button>
      )}
      <Composer postId={postId} />
    </section>
  );
}

function CommentItem({ postId, comment }: { postId: string; comment: CommentWithReplies | Comment }) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const replies = 'replies' in comment ? comment.replies : [];
  const isTopLevel = comment.parentId === null;

  return (
    <article
      aria-label={comment.author ? t('comments.commentBy', { name: comment.author.displayName }) : undefined}
      className={
        isTopLevel
          ? 'rounded-xl border border-slate-200 bg-white p-3 sm:p-4'
          : 'border-l-2 border-slate-200 pl-3'
      }
    >
      <CommentBody postId={postId} comment={comment} />
      {isTopLevel && comment.state !== 'deleted' && (
        <div className="mt-1">
          <Button
            variant="ghost"
            size="compact"
            aria-expanded={replying}
            onClick={() => setReplying((v) => !v)}
          >
            {t('comments.reply')}
          </Button>
        </div>
      )}
      {(replies.length > 0 || replying) && (
        <div className="mt-3 space-y-3 sm:ml-6">
          {replies.length > 0 && (
            <ol className="space-y-3">
              {replies.map((reply) => (
                <li key={reply.id}>
                  <CommentItem postId={postId} comment={reply} />
                </li>
              ))}
            </ol>
          )}
          {replying && <Composer postId={postId} parent={comment} onDone={() => setReplying(false)} />}
        </div>
      )}
    </article>
  );
}

function CommentBody({ postId, comment }: { postId: string; comment: Comment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteComment(postId);

  if (comment.state === 'deleted' || !comment.author || comment.bodyHtml === null) {
    return (
      <p className="text-sm italic text-slate-500">
        {comment.state === 'deleted' ? t('comments.deleted') : t('comments.hiddenForOthers')}
      </p>
    );
  }
  return (
    <div>
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <Link to={`/members/${comment.author.id}`} className="font-medium text-ai-800 hover:underline">
          {comment.author.displayName}
        </Link>
        <time dateTime={comment.createdAt} className="text-slate-500">
          {format.dateTime(comment.createdAt)}
        </time>
        {comment.editedAt && <span className="text-slate-500">· {t('comments.edited')}</span>}
      </header>
      {comment.state === 'hidden' && (
        <p role="note" className="mt-1 rounded-lg bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {t('comments.hiddenForAuthor', { reason: comment.hiddenReason ?? '' })}
        </p>
      )}
      {editing ? (
        <EditForm postId={postId} comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <div
          className={`mt-1 break-words text-[0.95rem] text-slate-800 ${MEMBER_TEXT}`}
          // Sanitised on the server with an allow-list (server/lib/markdown.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML only
          dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
        />
      )}
      <div className="mt-1 flex flex-wrap items-center gap-1">
        {comment.isMine && !editing && (
          <>
            <Button variant="ghost" size="compact" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </Button>
            <Button
              variant="ghost"
              size="compact"
              isBusy={remove.isPending}
              onClick={() => {
                if (window.confirm(t('comments.confirmDelete'))) remove.mutate(comment.id);
              }}
            >
              {t('comments.delete')}
            </Button>
          </>
        )}
        {!comment.isMine && <ReportButton postId={postId} commentId={comment.id} />}
      </div>
      {remove.isError && <ErrorBanner message={remove.error.message} />}
    </div>
  );
}

function EditForm({ postId, comment, onDone }: { postId: string; comment: Comment; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(comment.bodyMarkdown ?? '');
  const edit = useEditComment(postId);
  const fields = isApiError(edit.error) ? edit.error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate({ id: comment.id, bodyMarkdown: text }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="mt-2 space-y-2">
      <TextArea
        label={t('comments.editLabel')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        errors={fields.bodyMarkdown}
      />
      {edit.isError && !fields.bodyMarkdown && <ErrorBanner message={edit.error.message} />}
      <div className="flex gap-2">
        <Button type="submit" size="sm" isBusy={edit.isPending}>
          {t('comments.save')}
        </Button>
        <Button variant="secondary" size="sm" onClick={onDone}>
          {t('comments.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Composer({ postId, parent, onDone }: { postId: string; parent?: Comment; onDone?: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [posted, setPosted] = useState(false);
  const add = useAddComment(postId);
  const hintId = useId();
  const fields = isApiError(add.error) ? add.error.fields : {};
  const errors = [...(fields.bodyMarkdown ?? []), ...(fields.parentId ?? [])];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPosted(false);
    add.mutate(
      { bodyMarkdown: text, ...(parent ? { parentId: parent.id } : {}) },
      {
        onSuccess: () => {
          setText('');
          setPosted(true);
          onDone?.();
        },
      },
    );
  };
  const label = parent
    ? parent.author
      ? t('comments.replyTo', { name: parent.author.displayName })
      : t('comments.replyLabel')
    : t('comments.composerLabel');
  return (
    <form onSubmit={submit} className="space-y-2">
      <TextArea
        label={label}
        hint={parent ? undefined : <span id={hintId}>{t('comments.composerHint')}</span>}
        value={text}
        onChange={(e) => setText(e.target.value)}
        errors={errors.length > 0 ? errors : undefined}
        className={parent ? 'min-h-20' : ''}
      />
      {add.isError && errors.length === 0 && <ErrorBanner message={add.error.message} />}
      {posted && !parent && (
        <p role="status" className="text-sm text-green-700">
          {t('comments.posted')}
        </p>
      )}
      <Button type="submit" size="sm" isBusy={add.isPending}>
        {parent ? t('comments.submitReply') : t('comments.submit')}
      </Button>
    </form>
  );
}
