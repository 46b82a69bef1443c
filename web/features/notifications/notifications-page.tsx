import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MuteCreateInput, NotificationGroup } from '#common/notifications';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useNotificationText } from './notification-text';
import { useMarkRead, useMute, useNotificationList } from './use-notifications';

/** /notifications: my notifications grouped per thread, newest first; read, mute, follow. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const list = useNotificationList();
  const markRead = useMarkRead();
  const [notice, setNotice] = useState<string | null>(null);
  const groups = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = groups.some((g) => g.unreadCount > 0);

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('notifications.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('notifications.lead')}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link to="/settings/notifications" className="text-sm font-medium text-ai-700 underline">
            {t('notifications.settingsLink')}
          </Link>
          <Button
            variant="secondary"
            size="sm"
            disabled={!anyUnread}
            isBusy={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
      </div>
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      {list.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />}
      {list.isPending && <Spinner />}
      {list.isSuccess && groups.length === 0 && (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">
          {t('notifications.empty')}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {groups.map((group) => (
            <GroupItem
              key={group.key}
              group={group}
              onMuted={() => setNotice(t('notifications.mute.done'))}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          isBusy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('notifications.loadMore')}
        </Button>
      )}
    </div>
  );
}

function GroupItem({ group, onMuted }: { group: NotificationGroup; onMuted: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const render = useNotificationText();
  const markRead = useMarkRead();
  const { text, actors } = render(group);
  const unread = group.unreadCount > 0;
  const readThread = () => {
    if (unread) markRead.mutate({ threadKey: group.threadKey, type: group.type });
  };
  return (
    <li data-testid="notification" className={`flex gap-3 p-4 ${unread ? 'bg-ai-50/60' : ''}`}>
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2.5 shrink-0 rounded-full ${unread ? 'bg-ai-600' : 'bg-transparent'}`}
      />
      <div className="min-w-0 flex-1 space-y-1">
        <Link
          to={safeLink(group.link)}
          onClick={readThread}
          className="block text-sm font-medium break-words text-slate-900 hover:underline"
        >
          {unread && <span className="sr-only">{t('notifications.unread')}: </span>}
          {text}
        </Link>
        {actors && <p className="text-xs text-slate-600">{actors}</p>}
        <p className="text-xs text-slate-500">
          <time dateTime={group.latestAt}>{format.dateTime(group.latestAt)}</time>
        </p>
        <div className="flex flex-wrap items-center gap-2 pt-1">
          {unread && (
            <Button variant="ghost" size="compact" isBusy={markRead.isPending} onClick={readThread}>
              {t('notifications.markRead')}
            </Button>
          )}
          <MuteMenu group={group} onMuted={onMuted} />
        </div>
      </div>
    </li>
  );
}

/** Mute this thread, or its latest actor, for a day, a week or until unmuted. */
function MuteMenu({ group, onMuted }: { group: NotificationGroup; onMuted: () => void }) {
  const { t } = useTranslation();
  const mute = useMute();
  const person = group.actors[0];
  const choices: { label: string; input: Omit<MuteCreateInput, 'duration'> }[] = [
    { label: t('notifications.mute.thread'), input: { kind: 'thread', key: group.threadKey } },
    ...(person
      ? [
          {
            label: t('notifications.mute.person', { name: person.name }),
            input: { kind: 'person' as const, key: person.id },
          },
        ]
      : []),
  ];
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        {t('notifications.mute.menu')}
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-64 space-y-2 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        {choices.map((choice) => (
          <fieldset key={choice.input.kind}>
            <legend className="px-1 text-xs font-semibold text-slate-700">{choice.label}</legend>
            <div className="mt-1 flex flex-wrap gap-1">
              {(['day', 'week', 'forever'] as const).map((duration) => (
                <Button
                  key={duration}
                  variant="secondary"
                  size="compact"
                  onClick={() => mute.mutate({ ...choice.input, duration }, { onSuccess: onMuted })}
                >
                  {t(`notifications.mute.${duration}`)}
                </Button>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </details>
  );
}

/** Only an in-app path is followed (a stored link is data, never a script or another site). */
const safeLink = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : '/notifications');
