import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { AttendanceShell, QueryState } from './attendance-shell';
import { useAnswerSurvey, useSurveyForm } from './use-attendance';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** /events/:id/survey — the attendee's short survey after the event (once). */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const form = useSurveyForm(id);
  const save = useAnswerSurvey(id);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [answer, setAnswer] = useState('');
  const fields = isApiError(save.error) ? save.error.fields : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (rating === null) return;
    save.mutate({ rating, comment, answer });
  };

  const data = form.data;
  return (
    <AttendanceShell eventId={id} title={data ? data.title : t('eventAttendance.survey.title')}>
      {!data ? (
        <QueryState error={form.error} onRetry={() => void form.refetch()} />
      ) : data.answered ? (
        <SuccessBanner>{t('eventAttendance.survey.thanks')}</SuccessBanner>
      ) : (
        <Card title={t('eventAttendance.survey.title')}>
          <p className="mb-4 text-sm text-slate-700">{t('eventAttendance.survey.lead')}</p>
          <form onSubmit={onSubmit} className="space-y-5" noValidate>
            <fieldset>
              <legend className="mb-2 font-medium text-slate-900">
                {t('eventAttendance.survey.rating')}
              </legend>
              <div className="flex flex-wrap gap-2">
                {RATINGS.map((n) => (
                  <label
                    key={n}
                    className={`flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border px-3 text-lg ${
                      rating === n
                        ? 'border-ai-700 bg-ai-50 font-bold text-ai-800'
                        : 'border-slate-300 bg-white'
                    }`}
                  >
                    <input
                      type="radio"
                      name="rating"
                      value={n}
                      checked={rating === n}
                      onChange={() => setRating(n)}
                      className="sr-only"
                      aria-label={t('eventAttendance.survey.ratingOption', { count: n })}
                    />
                    {'★'.repeat(n)}
                  </label>
                ))}
              </div>
              {fields.rating && <p className="mt-1 text-sm text-red-700">{fields.rating.join(' ')}</p>}
            </fieldset>
            <TextArea
              label={t('eventAttendance.survey.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={4}
              errors={fields.comment}
            />
            {data.question && (
              <TextArea
                label={data.question}
                hint={t('eventAttendance.survey.answer')}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                rows={3}
                errors={fields.answer}
              />
            )}
            {save.error && !fields.rating && !fields.comment && !fields.answer && (
              <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
            )}
            <Button type="submit" disabled={rating === null} isBusy={save.isPending}>
              {t('eventAttendance.survey.submit')}
            </Button>
          </form>
        </Card>
      )}
    </AttendanceShell>
  );
}
