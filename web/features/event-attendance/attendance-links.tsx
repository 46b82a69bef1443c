import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '#common/events';
import { buttonClasses } from '#web/components/ui/button';

/**
 * On the event page: the way to the attendance pages — a confirmed attendee's ticket, the
 * materials, and once the event has started the survey and "who did you meet"; for hosts and HR
 * the check-in page, the survey results and the materials. The pages themselves decide who may
 * see them (404 otherwise); this only offers what applies.
 *
 * The check-in page is opened as a new document: only that page's answer allows the camera
 * (Permissions-Policy, decision 026 amended), and a page reached inside the app keeps the policy
 * of the document it was loaded as.
 */
export function AttendanceLinks({ event, now = new Date() }: { event: Event; now?: Date }) {
  const { t } = useTranslation();
  const base = `/events/${event.id}`;
  const started = new Date(event.startsAt) <= now;
  const seated = event.myRegistration?.status === 'confirmed';
  const mine = seated
    ? [
        ...(started ? [] : [{ to: `${base}/ticket`, label: t('eventAttendance.links.ticket') }]),
        { to: `${base}/materials`, label: t('eventAttendance.links.materials') },
        ...(started
          ? [
              { to: `${base}/survey`, label: t('eventAttendance.links.survey') },
              { to: `${base}/attendees`, label: t('eventAttendance.links.fellows') },
            ]
          : []),
      ]
    : [];
  const hosting =
    event.canManage && event.status !== 'draft'
      ? [
          ...(event.status === 'published'
            ? [{ to: `${base}/check-in`, label: t('eventAttendance.links.checkIn'), document: true }]
            : []),
          { to: `${base}/materials`, label: t('eventAttendance.links.editMaterials') },
          ...(started ? [{ to: `${base}/results`, label: t('eventAttendance.links.results') }] : []),
        ]
      : [];
  if (mine.length === 0 && hosting.length === 0) return null;
  const list = (label: string, links: { to: string; label: string; document?: boolean }[]) => (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      {links.map((l) => (
        <Link key={l.to} to={l.to} reloadDocument={l.document} className={buttonClasses('secondary', 'sm')}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
      {mine.length > 0 && list(t('eventAttendance.links.label'), mine)}
      {hosting.length > 0 && list(t('eventAttendance.links.hostLabel'), hosting)}
    </div>
  );
}
