import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './use-attendance';

/**
 * The personal calendar feed, for the member's settings or the events page: create (or replace)
 * the secret address, copy it while it is shown (once), turn it off.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const error = create.error ?? revoke.error ?? state.error;

  const onCreate = () =>
    create.mutate(undefined, {
      onSuccess: (created) => {
        setUrl(created.url);
        setCopied(false);
      },
    });
  const onCopy = async () => {
    if (!url) return;
    await navigator.clipboard?.writeText(url);
    setCopied(true);
  };

  return (
    <Card title={t('eventAttendance.feed.title')} id="calendar-feed">
      <p className="mb-3 text-sm text-slate-700">{t('eventAttendance.feed.lead')}</p>
      {error && <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')} />}
      {url ? (
        <div className="space-y-2">
          <TextField
            label={t('eventAttendance.feed.urlLabel')}
            value={url}
            readOnly
            onFocus={(e) => e.target.select()}
          />
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" onClick={() => void onCopy()}>
              {t('eventAttendance.feed.copy')}
            </Button>
            {copied && (
              <span role="status" className="text-sm text-emerald-700">
                {t('eventAttendance.feed.copied')}
              </span>
            )}
          </div>
        </div>
      ) : (
        state.data && (
          <p className="text-sm text-slate-700">
            {state.data.active && state.data.createdAt
              ? t('eventAttendance.feed.active', { date: format.date(state.data.createdAt) })
              : t('eventAttendance.feed.inactive')}
          </p>
        )
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant={state.data?.active ? 'secondary' : 'primary'}
          size="sm"
          onClick={onCreate}
          isBusy={create.isPending}
        >
          {state.data?.active ? t('eventAttendance.feed.rotate') : t('eventAttendance.feed.create')}
        </Button>
        {state.data?.active && (
          <Button
            variant="ghost"
            size="sm"
            isBusy={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
          >
            {t('eventAttendance.feed.revoke')}
          </Button>
        )}
      </div>
    </Card>
  );
}
