import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '#web/components/ui/banners';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useShareStats } from './use-sharing';

/** HR: how far alumni carried a post — clicks, links made and the top sharers. */
export function ShareStats({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useShareStats(postId);
  if (stats.isPending) return <Spinner />;
  if (stats.isError) return <ErrorBanner message={stats.error.message} />;
  const s = stats.data;
  return (
    <section
      aria-labelledby={`share-stats-${postId}`}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`share-stats-${postId}`} className="text-lg font-semibold text-slate-900">
        {t('sharing.stats.title')}
      </h2>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-sm text-slate-600">{t('sharing.stats.totalClicks')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{format.number(s.totalClicks)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t('sharing.stats.linksCreated')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{format.number(s.linksCreated)}</dd>
        </div>
      </dl>
      <h3 className="text-sm font-medium text-slate-700">{t('sharing.stats.topSharers')}</h3>
      {s.topSharers.length === 0 ? (
        <p className="text-sm text-slate-600">{t('sharing.stats.none')}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {s.topSharers.map((row) => (
            <li key={row.member.id} className="flex justify-between gap-3">
              <span>{row.member.displayName}</span>
              <span className="tabular-nums text-slate-600">
                {t('sharing.stats.clicks', { count: row.clicks })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
