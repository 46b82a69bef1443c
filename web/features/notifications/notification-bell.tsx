/** The bell with the unread count, in the layout on every page (built by the notifications feature). */
export function NotificationBell() {
  return null;
}
