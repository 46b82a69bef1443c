import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFreshnessSettings, useFreshnessSummary, useSaveFreshnessSettings } from './use-freshness';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** HR: how many profiles are stale (not confirmed within the period), and the period itself. */
export function AdminFreshnessPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('freshness.admin.title'));
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('freshness.admin.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('freshness.admin.lead')}</p>
      </div>
      <Summary />
      <Card title={t('freshness.admin.settings')} id="freshness-settings">
        <SettingsForm />
      </Card>
    </div>
  );
}

function Bar({ label, total, stale, share }: { label: string; total: number; stale: number; share: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="grid grid-cols-[minmax(6rem,10rem)_1fr_9rem] items-center gap-3 text-sm">
      <span className="truncate text-slate-800" title={label}>
        {label}
      </span>
      <span
        className="h-3 overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={t('freshness.admin.barLabel', { share: percent(share) })}
      >
        <span className="block h-full rounded-full bg-shu-500" style={{ width: percent(share) }} />
      </span>
      <span className="text-right tabular-nums text-slate-700">
        {t('freshness.admin.barValue', {
          share: percent(share),
          stale: format.number(stale),
          total: format.number(total),
        })}
      </span>
    </li>
  );
}

function Summary() {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useFreshnessSummary();
  if (summary.isPending) return <Spinner />;
  if (summary.isError)
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  return (
    <>
      <section aria-label={t('freshness.admin.figures')} className="grid gap-4 sm:grid-cols-3">
        {[
          { label: t('freshness.admin.staleShare'), value: percent(s.share) },
          { label: t('freshness.admin.staleCount'), value: format.number(s.stale) },
          { label: t('freshness.admin.total'), value: format.number(s.total) },
        ].map((f) => (
          <div key={f.label} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs">
            <p className="text-sm text-slate-600">{f.label}</p>
            <p className="mt-1 text-3xl font-bold tabular-nums text-slate-900">{f.value}</p>
          </div>
        ))}
      </section>
      <p className="text-sm text-slate-600">{t('freshness.admin.definition', { months: s.months })}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('freshness.admin.byRole')} id="freshness-by-role">
          <ul className="space-y-3">
            {s.byRole.map((r) => (
              <Bar key={r.role} label={format.role(r.role)} {...r} />
            ))}
          </ul>
        </Card>
        <Card title={t('freshness.admin.byDepartment')} id="freshness-by-department">
          {s.byDepartment.length === 0 && (
            <p className="text-sm text-slate-500">{t('freshness.admin.none')}</p>
          )}
          <ul className="space-y-3">
            {s.byDepartment.map((d) => (
              <Bar key={d.department} label={d.department} {...d} />
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

function SettingsForm() {
  const { t } = useTranslation();
  const settings = useFreshnessSettings();
  const save = useSaveFreshnessSettings();
  const [months, setMonths] = useState('12');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (settings.data) setMonths(String(settings.data.months));
  }, [settings.data]);
  if (settings.isPending) return <Spinner />;
  if (settings.isError)
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void settings.refetch()} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    save.mutate(
      { months: months.trim() === '' ? 0 : Number(months) },
      {
        onSuccess: () => setMessage({ kind: 'saved', text: t('freshness.admin.saved') }),
        onError: (error) => {
          setErrors(isApiError(error) ? error.fields : {});
          setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <div className="flex flex-wrap items-end gap-4">
        <TextField
          label={t('freshness.admin.months')}
          hint={t('freshness.admin.monthsHint')}
          type="number"
          inputMode="numeric"
          min={3}
          max={36}
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          errors={errors.months}
          containerClassName="w-56"
        />
        <Button type="submit" isBusy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
