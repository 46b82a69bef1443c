import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Avatar } from '#web/components/avatar';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { useConnect } from '#web/features/suggestions/use-suggestions';
import { isApiError } from '#web/lib/api';
import { AttendanceShell, QueryState } from './attendance-shell';
import { useFellowAttendees } from './use-attendance';

/** /events/:id/attendees — "who did you meet": fellow attendees, each with a connect button. */
export function FellowAttendeesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fellows = useFellowAttendees(id);
  const connect = useConnect();
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const data = fellows.data;
  return (
    <AttendanceShell eventId={id} title={data ? data.title : t('eventAttendance.fellows.title')}>
      {!data ? (
        <QueryState error={fellows.error} onRetry={() => void fellows.refetch()} />
      ) : (
        <Card title={t('eventAttendance.fellows.title')}>
          <p className="mb-4 text-sm text-slate-700">{t('eventAttendance.fellows.lead')}</p>
          {connect.error && (
            <ErrorBanner message={isApiError(connect.error) ? connect.error.message : t('errors.generic')} />
          )}
          {data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('eventAttendance.fellows.empty')}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {data.items.map((p) => (
                <li key={p.id} className="flex items-center gap-3 py-3">
                  <Avatar id={p.id} name={p.displayName} />
                  <Link
                    to={`/members/${p.id}`}
                    className="min-w-0 flex-1 truncate font-medium text-slate-900 hover:underline"
                  >
                    {p.displayName}
                  </Link>
                  {p.connected ? (
                    <span className="text-sm text-emerald-700">{t('eventAttendance.fellows.connected')}</span>
                  ) : sent.has(p.id) ? (
                    <span className="text-sm text-slate-600">{t('eventAttendance.fellows.sent')}</span>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`${t('eventAttendance.fellows.connect')}: ${p.displayName}`}
                      isBusy={connect.isPending && connect.variables === p.id}
                      onClick={() =>
                        connect.mutate(p.id, { onSuccess: () => setSent((s) => new Set([...s, p.id])) })
                      }
                    >
                      {t('eventAttendance.fellows.connect')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </AttendanceShell>
  );
}
