import { useTranslation } from 'react-i18next';
import { useFormat } from '#web/lib/format';
import { usePostingStatus } from './use-moderation';

/** "Your posting is paused until …", for above a composer; nothing while the member may post. */
export function PostingPausedNotice() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = usePostingStatus();
  if (!status.data?.isSuspended || !status.data.until) return null;
  return (
    <div
      role="status"
      className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">{t('moderation.paused.title')}</p>
      <p>{t('moderation.paused.until', { date: f.dateTime(status.data.until) })}</p>
      {status.data.reason && <p>{t('moderation.paused.reason', { reason: status.data.reason })}</p>}
    </div>
  );
}
