import { useTranslation } from 'react-i18next';
import { useConnectionsSummary } from './use-connections';

/** The nav's count of connection requests waiting for the viewer (one indexed count, polled). */
export function ConnectionsBadge() {
  const { t } = useTranslation();
  const summary = useConnectionsSummary(true);
  const count = summary.data?.incomingRequests ?? 0;
  if (count === 0) return null;
  return (
    <span
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-shu-600 px-1.5 text-xs font-semibold text-white"
      title={t('connections.navBadge', { count })}
    >
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{t('connections.navBadge', { count })}</span>
    </span>
  );
}
