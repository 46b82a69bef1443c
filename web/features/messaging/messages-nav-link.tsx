import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLiveMessages, useUnreadMessages } from './use-messaging';

/**
 * The nav entry with the unread count (muted conversations not counted). It also holds the page's
 * one live stream, so lists, threads and the badge refresh wherever the member is.
 */
export function MessagesNavLink({ className }: { className: (state: { isActive: boolean }) => string }) {
  const { t } = useTranslation();
  useLiveMessages(true);
  const unread = useUnreadMessages(true);
  const count = unread.data?.totalUnread ?? 0;
  return (
    <NavLink to="/messages" className={className}>
      {t('messaging.nav')}
      {count > 0 && (
        // The visible name stays in the accessible one (WCAG 2.5.3): the count is spoken as words.
        <span className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="sr-only">{t('messaging.unreadSr', { count })}</span>
        </span>
      )}
    </NavLink>
  );
}
