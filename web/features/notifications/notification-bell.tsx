import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#web/features/auth/use-me';
import { useUnreadCount } from './use-notifications';

/**
 * The bell with the unread count, in the layout on every page when signed in: polls every 60 s
 * and when the window regains focus; opens /notifications. Its name says the count ("通知 3件未読").
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const unread = useUnreadCount(Boolean(me));
  if (!me) return null;
  const count = unread.data?.count ?? 0;
  return (
    <Link
      to="/notifications"
      aria-label={t('notifications.bell.label', { count })}
      data-testid="notification-bell"
      className="relative flex size-9 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 hover:text-slate-900"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
        <path
          fillRule="evenodd"
          d="M10 2a6 6 0 0 0-6 6c0 1.887-.454 3.665-1.257 5.234a.75.75 0 0 0 .515 1.076 32.91 32.91 0 0 0 3.256.508 3.5 3.5 0 0 0 6.972 0 32.903 32.903 0 0 0 3.256-.508.75.75 0 0 0 .515-1.076A11.448 11.448 0 0 1 16 8a6 6 0 0 0-6-6ZM8.05 14.943a33.54 33.54 0 0 0 3.9 0 2 2 0 0 1-3.9 0Z"
          clipRule="evenodd"
        />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5 text-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
