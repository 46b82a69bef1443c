import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationPreference,
  type NotificationType,
} from '#common/notifications';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { InlineSelect } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { CalendarFeedCard } from '#web/features/event-attendance/calendar-feed-card';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useMutes, useNotificationPreferences, useSavePreferences, useUnmute } from './use-notifications';

/** /settings/notifications: a channel per type, and what I muted. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.settings.title'));
  const prefs = useNotificationPreferences();
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('notifications.settings.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('notifications.settings.lead')}</p>
        <Link to="/notifications" className="mt-2 inline-block text-sm font-medium text-ai-700 underline">
          {t('notifications.title')}
        </Link>
      </div>
      {prefs.isPending && <Spinner />}
      {prefs.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void prefs.refetch()} />}
      {prefs.data && <PreferencesForm items={prefs.data.items} />}
      <MutesCard />
      <CalendarFeedCard />
    </div>
  );
}

function PreferencesForm({ items }: { items: NotificationPreference[] }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<Partial<Record<NotificationType, NotificationChannel>>>({});
  const [saved, setSaved] = useState(false);
  const fieldErrors: Record<string, string[]> = isApiError(save.error) ? save.error.fields : {};
  return (
    <Card title={t('notifications.settings.title')}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          if (Object.keys(draft).length === 0) return setSaved(true);
          save.mutate({ channels: draft }, { onSuccess: () => setSaved(true) });
        }}
      >
        {saved && <SuccessBanner>{t('notifications.settings.saved')}</SuccessBanner>}
        {save.isError && !(isApiError(save.error) && save.error.code === 'bad_request') && (
          <ErrorBanner message={t('errors.generic')} />
        )}
        <ul className="divide-y divide-slate-100">
          {items.map((item) => {
            const value = draft[item.type] ?? item.channel;
            const errors = fieldErrors[`channels.${item.type}`];
            return (
              <li
                key={item.type}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="text-sm">
                  <p className="font-medium text-slate-900">
                    {t(`notifications.settings.labels.${item.type}`)}
                  </p>
                  {item.required && (
                    <p className="text-xs text-slate-600">{t('notifications.settings.required')}</p>
                  )}
                  {errors?.map((e) => (
                    <p key={e} className="text-xs text-red-700">
                      {e}
                    </p>
                  ))}
                </div>
                <InlineSelect
                  label={t(`notifications.settings.labels.${item.type}`)}
                  value={value}
                  className="sm:w-64"
                  onChange={(event) =>
                    setDraft((d) => ({ ...d, [item.type]: event.target.value as NotificationChannel }))
                  }
                  options={NOTIFICATION_CHANNELS.filter((c) => !(item.required && c === 'off')).map((c) => ({
                    value: c,
                    label: t(`notifications.settings.channel.${c}`),
                  }))}
                />
              </li>
            );
          })}
        </ul>
        <Button type="submit" isBusy={save.isPending}>
          {t('notifications.settings.save')}
        </Button>
      </form>
    </Card>
  );
}

function MutesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const mutes = useMutes();
  const unmute = useUnmute();
  const items = mutes.data?.items ?? [];
  return (
    <Card title={t('notifications.settings.mutesTitle')}>
      {mutes.isPending && <Spinner />}
      {mutes.isSuccess && items.length === 0 && (
        <p className="text-sm text-slate-600">{t('notifications.settings.mutesEmpty')}</p>
      )}
      {items.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {items.map((m) => (
            <li
              key={`${m.kind}|${m.key}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <div className="min-w-0">
                <p className="break-words text-slate-900">
                  {t(
                    m.kind === 'thread'
                      ? 'notifications.settings.mutedThread'
                      : 'notifications.settings.mutedPerson',
                    {
                      label: m.label || m.key,
                      interpolation: { escapeValue: false },
                    },
                  )}
                </p>
                <p className="text-xs text-slate-600">
                  {m.until
                    ? t('notifications.settings.until', { date: format.dateTime(m.until) })
                    : t('notifications.settings.forever')}
                </p>
              </div>
              <Button
                variant="secondary"
                size="compact"
                isBusy={unmute.isPending && unmute.variables?.key === m.key}
                onClick={() => unmute.mutate({ kind: m.kind, key: m.key })}
              >
                {t('notifications.settings.unmute')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
