import { useTranslation } from 'react-i18next';
import { ADVICE_KINDS, ADVICE_STATUSES } from '#common/advice';
import { ErrorBanner } from '#web/components/ui/banners';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useAdviceStats } from './use-advice';

function CountList({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  const format = useFormat();
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <dl className="mt-2 divide-y divide-slate-100 text-sm">
        {rows.map((r) => (
          <div key={r.label} className="flex justify-between gap-3 py-1.5">
            <dt className="text-slate-700">{r.label}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{format.number(r.count)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** `/admin/advice`: HR sees how advice requests are used — counts only, never contents or pairs. */
export function AdminAdvicePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('advice.admin.title'));
  const format = useFormat();
  const stats = useAdviceStats();
  const data = stats.data;
  const countOf = (list: { value: string; count: number }[], value: string) =>
    list.find((c) => c.value === value)?.count ?? 0;
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('advice.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('advice.admin.lead')}</p>
      </div>
      {stats.error ? (
        <ErrorBanner message={t('errors.generic')} onRetry={() => void stats.refetch()} />
      ) : !data ? (
        <p className="text-sm text-slate-600">{t('common.loading')}</p>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <div
              className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs"
              data-testid="advice-total"
            >
              <p className="text-sm text-slate-600">{t('advice.admin.total')}</p>
              <p className="text-3xl font-bold tabular-nums text-slate-900">{format.number(data.total)}</p>
            </div>
            <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs">
              <p className="text-sm text-slate-600">{t('advice.admin.acceptance')}</p>
              <p className="text-3xl font-bold tabular-nums text-slate-900">
                {data.acceptanceRate === null
                  ? t('advice.admin.acceptanceNone')
                  : `${Math.round(data.acceptanceRate * 100)}%`}
              </p>
            </div>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <CountList
              title={t('advice.admin.byKind')}
              rows={ADVICE_KINDS.map((k) => ({
                label: t(`advice.kinds.${k}`),
                count: countOf(data.byKind, k),
              }))}
            />
            <CountList
              title={t('advice.admin.byStatus')}
              rows={ADVICE_STATUSES.map((s) => ({
                label: t(`advice.statuses.${s}`),
                count: countOf(data.byStatus, s),
              }))}
            />
          </div>
          <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs">
            <h2 className="text-base font-semibold text-slate-900">{t('advice.admin.byMonth')}</h2>
            {data.byMonth.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t('advice.admin.empty')}</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-sm">
                  <thead>
                    <tr className="text-left text-slate-500">
                      <th className="py-1 pr-3 font-medium">{t('advice.admin.month')}</th>
                      <th className="py-1 pr-3 text-right font-medium">{t('advice.admin.count')}</th>
                      <th className="py-1 pr-3 text-right font-medium">{t('advice.admin.accepted')}</th>
                      <th className="py-1 text-right font-medium">{t('advice.admin.declined')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.byMonth.map((m) => (
                      <tr key={m.month}>
                        <td className="py-1.5 pr-3 text-slate-800">{format.month(`${m.month}-01`)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{format.number(m.total)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{format.number(m.accepted)}</td>
                        <td className="py-1.5 text-right tabular-nums">{format.number(m.declined)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
