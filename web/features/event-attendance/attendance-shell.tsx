import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '#web/components/ui/banners';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';

/** The frame of every attendance page: a way back to the event, the title, the body. */
export function AttendanceShell({
  eventId,
  title,
  subtitle,
  children,
}: {
  eventId: string;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-5 px-4 py-6 sm:py-8">
      <Link to={`/events/${eventId}`} className="text-sm font-medium text-ai-700 hover:underline">
        ← {t('eventAttendance.backToEvent')}
      </Link>
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {subtitle && <div className="mt-1 text-sm text-slate-600">{subtitle}</div>}
      </header>
      {children}
    </div>
  );
}

/** Loading, "not for you" (404) and other errors of a page's main query. */
export function QueryState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!error) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (isApiError(error) && error.status === 404) {
    return <ErrorBanner message={t('eventAttendance.notFound')} />;
  }
  return <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')} onRetry={onRetry} />;
}

/** An event's time span in the reader's language, in the event's zone when it is given. */
export function formatSpan(lang: string, startsAt: string, endsAt: string, timeZone?: string) {
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone });
  return { start: date.format(new Date(startsAt)), end: time.format(new Date(endsAt)) };
}
