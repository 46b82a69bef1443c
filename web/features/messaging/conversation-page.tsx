import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MESSAGE_MAX_LENGTH, type Message, PEOPLE_REPORT_CATEGORIES } from '#common/messaging';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { conversationName } from './messages-page';
import {
  useConversation,
  useLeave,
  useMarkRead,
  useMute,
  useReportMessage,
  useSendMessage,
  useThread,
} from './use-messaging';

/** /messages/:id — the thread (newest last), the composer; new messages arrive live. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const conversation = useConversation(id);
  const thread = useThread(id);
  const markRead = useMarkRead(id);
  const mute = useMute(id);
  const leave = useLeave(id);
  const navigate = useNavigate();
  const name = conversation.data ? conversationName(conversation.data) : '';
  // A named group is called by its name ("北海道支部の集まり"), not "a conversation with" it.
  const label =
    conversation.data?.kind === 'group' && conversation.data.title
      ? name
      : t('messaging.with', { names: name });
  useDocumentTitle(name ? label : t('messaging.title'));
  const end = useRef<HTMLDivElement>(null);
  const newest = thread.data?.items.at(-1)?.id;

  // Read what arrives while the page is open.
  const { mutate: read } = markRead;
  useEffect(() => {
    if (newest) read();
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [newest, read]);

  if (conversation.isError && isApiError(conversation.error) && conversation.error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-4 sm:py-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <Link to="/messages" className="text-sm text-ai-700 hover:underline">
            ← {t('messaging.back')}
          </Link>
          <h1 className="truncate text-xl font-bold text-slate-900">{name || t('messaging.title')}</h1>
          {conversation.data?.kind === 'group' && (
            <GroupParticipants people={conversation.data.participants} />
          )}
        </div>
        {conversation.data && (
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={() => mute.mutate(!conversation.data.muted)}>
              {conversation.data.muted ? t('messaging.unmute') : t('messaging.mute')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                if (window.confirm(t('messaging.leaveConfirm')))
                  leave.mutate(undefined, { onSuccess: () => navigate('/messages') });
              }}
            >
              {t('messaging.leave')}
            </Button>
          </div>
        )}
      </div>
      {(conversation.isPending || thread.isPending) && <Spinner />}
      {thread.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void thread.refetch()} />}
      {thread.data && (
        <ol className="flex flex-col gap-2" aria-label={label} aria-live="polite">
          {thread.data.items.map((m) => (
            <MessageBubble key={m.id} message={m} />
          ))}
          <div ref={end} />
        </ol>
      )}
      {conversation.data && <Composer id={id} canWrite={conversation.data.canWrite} />}
    </div>
  );
}

/** Who is in a group conversation: the viewer, then the others by name, each linked to their profile. */
function GroupParticipants({ people }: { people: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="mt-1 text-sm text-slate-600" data-testid="participants">
      <span>{t('messaging.group.participants', { count: people.length + 1 })}</span>{' '}
      <ul className="inline" aria-label={t('messaging.group.participantsLabel')}>
        <li className="inline">{t('messaging.you')}</li>
        {people.map((p) => (
          <li key={p.id} className="inline">
            {t('messaging.group.separator')}
            <Link to={`/members/${p.id}`} className="text-ai-700 hover:underline">
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MessageBubble({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  const report = useReportMessage();
  const [category, setCategory] = useState<string>(PEOPLE_REPORT_CATEGORIES[0]);
  const [note, setNote] = useState('');
  return (
    <li className={`flex flex-col ${message.isMine ? 'items-end' : 'items-start'}`}>
      <div
        className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3 py-2 text-sm ${
          message.isMine ? 'bg-ai-700 text-white' : 'bg-slate-100 text-slate-900'
        }`}
      >
        {message.body}
      </div>
      <div className="mt-0.5 flex gap-2 text-xs text-slate-500">
        <span>{message.isMine ? t('messaging.you') : (message.author?.name ?? '—')}</span>
        <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
        {!message.isMine && message.author && !reported && (
          <button type="button" className="underline" onClick={() => setReporting((v) => !v)}>
            {t('messaging.report')}
          </button>
        )}
      </div>
      {reported && <SuccessBanner>{t('messaging.reported')}</SuccessBanner>}
      {reporting && !reported && (
        <form
          className="mt-1 flex w-full max-w-sm flex-col gap-2 rounded-lg border border-slate-200 p-3"
          aria-label={t('messaging.reportTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            report.mutate(
              { id: message.id, category, note: note || undefined },
              { onSuccess: () => setReported(true) },
            );
          }}
        >
          <label className="text-sm">
            {t('messaging.reportCategory')}
            <select
              className="mt-1 block w-full rounded border-slate-300"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
            >
              {PEOPLE_REPORT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`messaging.categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t('messaging.reportNote')}
            <textarea
              className="mt-1 block w-full rounded border-slate-300"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={report.isPending}>
              {t('messaging.reportSend')}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setReporting(false)}>
              {t('messaging.reportCancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}

function Composer({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const send = useSendMessage(id);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || send.isPending) return;
    send.mutate(body, { onSuccess: () => setBody('') });
  };
  if (!canWrite)
    return (
      <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t('messaging.awaitingReply')}</p>
    );
  return (
    <form
      onSubmit={submit}
      className="sticky bottom-0 flex items-end gap-2 border-t border-slate-200 bg-white py-3"
    >
      <label className="sr-only" htmlFor="composer">
        {t('messaging.composer.label')}
      </label>
      <textarea
        id="composer"
        rows={2}
        maxLength={MESSAGE_MAX_LENGTH}
        value={body}
        placeholder={t('messaging.composer.placeholder')}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
        }}
        className="min-h-11 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm"
      />
      <Button type="submit" disabled={send.isPending || !body.trim()}>
        {send.isPending ? t('messaging.composer.sending') : t('messaging.composer.send')}
      </Button>
      {send.isError && <ErrorBanner message={send.error.message} />}
    </form>
  );
}
