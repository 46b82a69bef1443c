import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card } from '#web/components/ui/card';
import { AttendanceShell, QueryState } from './attendance-shell';
import { useSurveyResults } from './use-attendance';

/** /events/:id/results — hosts and HR: the survey's count, average, distribution and comments. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const results = useSurveyResults(id);
  const data = results.data;
  const max = data ? Math.max(1, ...data.distribution) : 1;
  return (
    <AttendanceShell
      eventId={id}
      title={
        data ? `${t('eventAttendance.results.title')}: ${data.title}` : t('eventAttendance.results.title')
      }
    >
      {!data ? (
        <QueryState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <Card>
            <p className="text-lg font-semibold text-slate-900">
              {t('eventAttendance.results.count', { count: data.count })}
            </p>
            <p className="text-slate-700">
              {data.average === null
                ? t('eventAttendance.results.noAnswers')
                : t('eventAttendance.results.average', { average: data.average.toFixed(2) })}
            </p>
          </Card>
          <Card title={t('eventAttendance.results.distribution')}>
            <ul className="space-y-2">
              {[5, 4, 3, 2, 1].map((rating) => {
                const count = data.distribution[rating - 1] ?? 0;
                return (
                  <li key={rating} className="flex items-center gap-3 text-sm">
                    <span className="w-24 shrink-0">
                      {t('eventAttendance.results.bar', { rating, count })}
                    </span>
                    <span className="h-3 flex-1 rounded-full bg-slate-100" aria-hidden="true">
                      <span
                        className="block h-3 rounded-full bg-ai-600"
                        style={{ width: `${(count / max) * 100}%` }}
                      />
                    </span>
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card title={t('eventAttendance.results.comments')}>
            {data.question && (
              <p className="mb-3 text-sm text-slate-600">
                {t('eventAttendance.results.question', { question: data.question })}
              </p>
            )}
            {data.comments.length === 0 ? (
              <p className="text-sm text-slate-600">{t('eventAttendance.results.noComments')}</p>
            ) : (
              <ul className="space-y-3">
                {data.comments.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers are anonymous and never reordered
                  <li key={i} className="rounded-xl border border-slate-200 p-3 text-sm">
                    <div>
                      <span aria-hidden="true">{'★'.repeat(c.rating)}</span>
                      <span className="sr-only">
                        {t('eventAttendance.survey.ratingOption', { count: c.rating })}
                      </span>
                    </div>
                    {c.comment && <p className="mt-1 whitespace-pre-line text-slate-800">{c.comment}</p>}
                    {c.answer && <p className="mt-1 whitespace-pre-line text-slate-600">{c.answer}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </AttendanceShell>
  );
}
