import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '#common/events';
import { buttonClasses } from '#web/components/ui/button';
import { calendarFileUrl } from './use-attendance';

interface Target {
  to: string;
  label: string;
  /** Opened as a new document (the check-in page: only its answer allows the camera). */
  document?: boolean;
}

/**
 * The event page's way to the attendance side. Anyone who sees a published event: the calendar
 * file. A confirmed attendee: the ticket before, the materials, and after the event the survey
 * and "who did you meet". Hosts and HR: the check-in page, the materials and the survey results.
 * Each page checks access again on the server (404 otherwise); this only offers what applies.
 *
 * The check-in page is opened as a new document: only that page's answer allows the camera
 * (Permissions-Policy, decision 026 amended), and a page reached inside the app keeps the policy of
 * the document it was loaded as.
 */
export function AttendanceLinks({ event }: { event: Event }) {
  const { t } = useTranslation();
  const base = `/events/${event.id}`;
  const past = event.registrationState === 'past';
  const seated = event.myRegistration?.status === 'confirmed';
  const mine: Target[] = seated
    ? [
        ...(past ? [] : [{ to: `${base}/ticket`, label: t('eventAttendance.links.ticket') }]),
        { to: `${base}/materials`, label: t('eventAttendance.links.materials') },
        ...(past
          ? [
              { to: `${base}/survey`, label: t('eventAttendance.links.survey') },
              { to: `${base}/attendees`, label: t('eventAttendance.links.fellows') },
            ]
          : []),
      ]
    : [];
  const hosting: Target[] = event.canManage
    ? [
        ...(event.status === 'published'
          ? [{ to: `${base}/check-in`, label: t('eventAttendance.links.checkIn'), document: true }]
          : []),
        { to: `${base}/results`, label: t('eventAttendance.links.results') },
        { to: `${base}/materials`, label: t('eventAttendance.links.editMaterials') },
      ]
    : [];
  const calendar = event.status !== 'draft';
  if (!calendar && mine.length === 0 && hosting.length === 0) return null;
  const links = (targets: Target[]) =>
    targets.map((l) => (
      <Link key={l.to} to={l.to} reloadDocument={l.document} className={buttonClasses('secondary', 'sm')}>
        {l.label}
      </Link>
    ));
  return (
    <div className="space-y-3">
      <nav aria-label={t('eventAttendance.links.label')} className="flex flex-wrap gap-2">
        {calendar && (
          <a href={calendarFileUrl(event.id)} className={buttonClasses('secondary', 'sm')} download>
            {t('eventAttendance.links.calendar')}
          </a>
        )}
        {links(mine)}
      </nav>
      {hosting.length > 0 && (
        <nav aria-label={t('eventAttendance.links.hostLabel')} className="flex flex-wrap gap-2">
          {links(hosting)}
        </nav>
      )}
    </div>
  );
}
