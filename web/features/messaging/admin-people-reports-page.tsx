import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PEOPLE_REPORT_STATUSES, type PeopleReportStatus } from '#common/messaging';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useDecidePeopleReport, usePeopleReport, usePeopleReports } from './use-messaging';

/** /admin/moderation/people — HR's second moderation tab: reports about members and messages. */
export function AdminPeopleReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('messaging.people.tab'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('status') as PeopleReportStatus | null;
  const status = requested && PEOPLE_REPORT_STATUSES.includes(requested) ? requested : 'open';
  const selected = params.get('report');
  const queue = usePeopleReports(status);
  const format = useFormat();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('moderation.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('messaging.people.lead')}</p>
      </div>
      <nav aria-label={t('moderation.admin.tabsLabel')} className="flex gap-2 border-b border-slate-200">
        <Link to="/admin/moderation" className="px-3 py-2 text-sm text-slate-700 hover:text-slate-900">
          {t('messaging.people.postsTab')}
        </Link>
        <span
          aria-current="page"
          className="border-b-2 border-ai-700 px-3 py-2 text-sm font-semibold text-ai-700"
        >
          {t('messaging.people.tab')}
        </span>
      </nav>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <div className="-mx-1 mb-4 flex gap-1 overflow-x-auto">
            {PEOPLE_REPORT_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={s === status}
                onClick={() => setParams(s === 'open' ? {} : { status: s })}
                className={`whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${
                  s === status ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {t(`messaging.people.statuses.${s}`, { count: queue.data?.counts[s] ?? 0 })}
              </button>
            ))}
          </div>
          {queue.isPending && <Spinner />}
          {queue.isError && (
            <ErrorBanner message={t('errors.generic')} onRetry={() => void queue.refetch()} />
          )}
          {queue.data?.items.length === 0 && (
            <p className="text-sm text-slate-600">{t('messaging.people.empty')}</p>
          )}
          <ul className="divide-y divide-slate-200">
            {queue.data?.items.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  aria-pressed={r.id === selected}
                  onClick={() => setParams({ ...(status !== 'open' ? { status } : {}), report: r.id })}
                  className="flex w-full flex-col items-start gap-1 px-2 py-3 text-left hover:bg-slate-50"
                >
                  <span className="flex items-center gap-2">
                    <Badge tone={r.kind === 'message' ? 'ai' : 'neutral'}>
                      {t(`messaging.people.kinds.${r.kind}`)}
                    </Badge>
                    <span className="font-medium text-slate-900">
                      {t('messaging.people.about', { name: r.member.name })}
                    </span>
                  </span>
                  <span className="text-xs text-slate-600">
                    {t(`messaging.categories.${r.category}` as 'messaging.categories.spam')} ·{' '}
                    {format.dateTime(r.createdAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Card>
        {selected && (
          <ReportReview
            key={selected}
            id={selected}
            onClose={() => setParams(status !== 'open' ? { status } : {})}
          />
        )}
      </div>
    </div>
  );
}

function ReportReview({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = usePeopleReport(id);
  const decide = useDecidePeopleReport(id);
  const [note, setNote] = useState('');
  const [days, setDays] = useState(7);
  if (report.isPending) return <Spinner />;
  if (report.isError || !report.data) return <ErrorBanner message={t('errors.generic')} />;
  const r = report.data;
  return (
    <Card title={t('messaging.people.about', { name: r.member.name })}>
      <div className="space-y-4 text-sm">
        <p className="text-slate-700">
          {r.reporter && t('messaging.people.reportedBy', { name: r.reporter.name })} ·{' '}
          {t(`messaging.categories.${r.category}` as 'messaging.categories.spam')}
        </p>
        {r.note && <p className="rounded bg-slate-50 p-2 text-slate-800">{r.note}</p>}
        {r.conversation && (
          <>
            <p role="note" className="rounded bg-amber-50 p-2 text-amber-900">
              {t('messaging.people.auditNotice')}
            </p>
            <ol
              className="max-h-96 space-y-2 overflow-y-auto"
              aria-label={t('messaging.people.reportedMessage')}
            >
              {r.conversation.messages.map((m) => (
                <li
                  key={m.id}
                  className={`rounded-lg p-2 ${m.id === r.reportedMessageId ? 'border-2 border-red-500 bg-red-50' : 'bg-slate-50'}`}
                >
                  <div className="text-xs text-slate-500">
                    {m.author?.name ?? '—'} · {format.dateTime(m.createdAt)}
                  </div>
                  <div className="whitespace-pre-wrap break-words">{m.body}</div>
                </li>
              ))}
            </ol>
          </>
        )}
        {r.status === 'open' ? (
          <div className="space-y-2">
            <label className="block">
              {t('messaging.people.note')}
              <textarea
                className="mt-1 block w-full rounded border-slate-300"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <label className="block">
              {t('messaging.people.days')}
              <input
                type="number"
                min={1}
                max={90}
                value={days}
                onChange={(e) => setDays(Number(e.target.value))}
                className="mt-1 block w-24 rounded border-slate-300"
              />
            </label>
            {decide.isError && <ErrorBanner message={decide.error.message} />}
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={() =>
                  decide.mutate({ decision: 'dismiss', note: note || undefined }, { onSuccess: onClose })
                }
              >
                {t('messaging.people.dismiss')}
              </Button>
              <Button
                variant="secondary"
                onClick={() =>
                  decide.mutate({ decision: 'note', note: note || undefined }, { onSuccess: onClose })
                }
              >
                {t('messaging.people.noteAction')}
              </Button>
              <Button
                variant="danger"
                onClick={() =>
                  decide.mutate(
                    { decision: 'suspend', days, note: note || undefined },
                    { onSuccess: onClose },
                  )
                }
              >
                {t('messaging.people.suspend')}
              </Button>
            </div>
          </div>
        ) : (
          <p>{t('messaging.people.resolved', { status: r.status })}</p>
        )}
        <Button variant="ghost" onClick={onClose}>
          {t('messaging.people.close')}
        </Button>
      </div>
    </Card>
  );
}
