import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationSummary } from '#common/messaging';
import { Avatar } from '#web/components/avatar';
import { ErrorBanner } from '#web/components/ui/banners';
import { buttonClasses } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useConversations } from './use-messaging';

export const conversationName = (c: Pick<ConversationSummary, 'title' | 'participants'>) =>
  c.title || c.participants.map((p) => p.name).join(', ') || '—';

/** The other person's photo or initial; for a group, the first two of the others, overlapping. */
function ConversationAvatar({ conversation: c }: { conversation: ConversationSummary }) {
  const [first, second] = c.participants;
  if (!first) return <span className="size-11 shrink-0" />;
  if (c.kind === 'direct' || !second)
    return <Avatar id={first.id} name={first.name} photoUrl={first.photo?.small} />;
  return (
    <span className="relative size-11 shrink-0">
      <span className="absolute top-0 left-0">
        <Avatar id={first.id} name={first.name} size="sm" photoUrl={first.photo?.small} />
      </span>
      <span className="absolute right-0 bottom-0 rounded-full ring-2 ring-white">
        <Avatar id={second.id} name={second.name} size="sm" photoUrl={second.photo?.small} />
      </span>
    </span>
  );
}

/** /messages: my conversations, newest activity first, unread ones marked. */
export function MessagesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('messaging.title'));
  const list = useConversations();
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-slate-900">{t('messaging.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('messaging.lead')}</p>
        </div>
        <Link to="/messages/new" className={buttonClasses('secondary', 'sm')}>
          {t('messaging.group.new')}
        </Link>
      </div>
      {list.isPending && <Spinner />}
      {list.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('messaging.empty')}</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
          aria-label={t('messaging.listLabel')}
        >
          {list.data.items.map((c) => (
            <li key={c.id}>
              <Link
                to={`/messages/${c.id}`}
                className="flex items-start gap-3 px-4 py-3 hover:bg-slate-50 focus:bg-slate-50"
              >
                <ConversationAvatar conversation={c} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <span
                      className={`truncate ${c.unreadCount > 0 ? 'font-bold text-slate-900' : 'font-medium text-slate-800'}`}
                    >
                      {conversationName(c)}
                    </span>
                    {c.muted && <span className="text-xs text-slate-500">{t('messaging.muted')}</span>}
                  </div>
                  {c.kind === 'group' && c.title && (
                    <p className="truncate text-xs text-slate-500">
                      {format.list(c.participants.map((p) => p.name))}
                    </p>
                  )}
                  <p className="truncate text-sm text-slate-600">
                    {c.lastMessage ?? t('messaging.noMessages')}
                  </p>
                </div>
                {c.unreadCount > 0 && (
                  <span className="shrink-0 rounded-full bg-ai-700 px-2 py-0.5 text-xs font-semibold text-white">
                    {t('messaging.unread', { count: c.unreadCount })}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
