import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { useFormat } from '#web/lib/format';
import { AttendanceShell, formatSpan, QueryState } from './attendance-shell';
import { calendarFileUrl, useTicket } from './use-attendance';

/** /events/:id/ticket — the attendee's QR code and short code, for the door. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const ticket = useTicket(id);
  const data = ticket.data;
  return (
    <AttendanceShell
      eventId={id}
      title={data ? data.title : t('eventAttendance.ticket.title')}
      subtitle={
        data &&
        `${t('eventAttendance.when', formatSpan(format.lang, data.startsAt, data.endsAt, data.timeZone))} (${data.timeZone})`
      }
    >
      {!data ? (
        <QueryState error={ticket.error} onRetry={() => void ticket.refetch()} />
      ) : (
        <Card title={t('eventAttendance.ticket.title')}>
          <p className="text-sm text-slate-700">{t('eventAttendance.ticket.lead')}</p>
          <div className="mt-4 flex flex-col items-center gap-4">
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}`}
              alt={t('eventAttendance.ticket.qrAlt', { code: data.code })}
              className="size-64 max-w-full rounded-xl border border-slate-200 bg-white p-2"
            />
            <div className="text-center">
              <div className="text-sm text-slate-600">{t('eventAttendance.ticket.code')}</div>
              <div className="font-mono text-3xl font-bold tracking-[0.3em] text-slate-900">{data.code}</div>
              {data.guests > 0 && (
                <div className="mt-1 text-sm text-slate-700">
                  {t('eventAttendance.ticket.guests', { count: data.guests })}
                </div>
              )}
              {data.checkedInAt && (
                <p role="status" className="mt-2 font-medium text-emerald-700">
                  {t('eventAttendance.ticket.checkedIn', { time: format.dateTime(data.checkedInAt) })}
                </p>
              )}
            </div>
            <a href={calendarFileUrl(id)} className={buttonClasses('secondary', 'sm')} download>
              {t('eventAttendance.ticket.calendar')}
            </a>
          </div>
        </Card>
      )}
    </AttendanceShell>
  );
}
