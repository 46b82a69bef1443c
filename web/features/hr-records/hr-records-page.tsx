import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HrRecord, HrRecordFilter } from '#common/hr-records';
import { INVITATION_SKIP_REASONS, type InvitationBatchAccepted } from '#common/invitations';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { DataTable } from '#web/components/ui/data-table';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ImportHistory } from './import-history';
import { useHrRecords, useInviteRecords } from './use-hr-records';

const STATUSES = ['not_invited', 'invited', 'member', 'failed'] as const;
const STATUS_TONE = { not_invited: 'neutral', invited: 'ai', member: 'green', failed: 'red' } as const;

/** HR records with the bulk-invitation filter, and the entry to the CSV import. */
export function HrRecordsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hrRecords.title'));
  const [filter, setFilter] = useState<HrRecordFilter>({});
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-bold text-slate-900">{t('hrRecords.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('hrRecords.lead')}</p>
        </div>
        <Link to="/admin/hr-imports/new" className={buttonClasses('primary', 'md')}>
          {t('hrRecords.importCsv')}
        </Link>
      </div>
      <Card title={t('hrRecords.filters.title')} id="hr-filter">
        <FilterForm key={JSON.stringify(filter)} initial={filter} onApply={setFilter} />
      </Card>
      <Card>
        <RecordsTable filter={filter} />
      </Card>
      <Card title={t('hrRecords.history.title')} id="hr-imports">
        <ImportHistory />
      </Card>
    </div>
  );
}

function FilterForm({ initial, onApply }: { initial: HrRecordFilter; onApply: (f: HrRecordFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<HrRecordFilter>(initial);
  const set = (patch: Partial<HrRecordFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = Object.fromEntries(
      Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined && v !== false),
    ) as HrRecordFilter;
    onApply(clean);
  };
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <TextField
        label={t('hrRecords.filters.q')}
        value={draft.q ?? ''}
        onChange={(e) => set({ q: e.target.value })}
        type="search"
      />
      <TextField
        label={t('hrRecords.filters.department')}
        value={draft.department ?? ''}
        onChange={(e) => set({ department: e.target.value })}
      />
      <Select
        label={t('hrRecords.filters.status')}
        value={draft.status ?? ''}
        emptyOption={t('hrRecords.filters.anyStatus')}
        options={STATUSES.map((s) => ({ value: s, label: t(`hrRecords.status.${s}`) }))}
        onChange={(e) => set({ status: (e.target.value || undefined) as HrRecordFilter['status'] })}
      />
      <TextField
        label={t('hrRecords.filters.leftFrom')}
        type="date"
        value={draft.leftFrom ?? ''}
        onChange={(e) => set({ leftFrom: e.target.value || undefined })}
      />
      <TextField
        label={t('hrRecords.filters.leftTo')}
        type="date"
        value={draft.leftTo ?? ''}
        onChange={(e) => set({ leftTo: e.target.value || undefined })}
      />
      <div className="flex flex-col justify-end gap-3">
        <Checkbox
          label={t('hrRecords.filters.hasEmail')}
          checked={draft.hasEmail === true}
          onChange={(e) => set({ hasEmail: e.target.checked || undefined })}
        />
        <div className="flex gap-2">
          <Button type="submit" size="sm">
            {t('hrRecords.filters.apply')}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={() => onApply({})}>
            {t('hrRecords.filters.reset')}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** What an invitation request did: how many were queued, and why the others were not. */
function InviteResult({ result }: { result: InvitationBatchAccepted }) {
  const { t } = useTranslation();
  const reasons = INVITATION_SKIP_REASONS.filter((r) => result.skipped[r] > 0);
  const why = reasons.length > 0 && (
    <div className="mt-1">
      <p className="font-medium">{t('hrRecords.skipped.title')}</p>
      <ul className="list-disc ps-5">
        {reasons.map((r) => (
          <li key={r}>{t(`hrRecords.skipped.${r}`, { count: result.skipped[r] })}</li>
        ))}
      </ul>
    </div>
  );
  if (result.queued === 0) {
    return (
      <div
        role="status"
        className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      >
        <p>{t('hrRecords.nothingToInvite')}</p>
        {why}
      </div>
    );
  }
  return (
    <SuccessBanner>
      <p>{t('hrRecords.invited', { count: result.queued })}</p>
      {why}
    </SuccessBanner>
  );
}

function RecordsTable({ filter }: { filter: HrRecordFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const records = useHrRecords(filter);
  const invite = useInviteRecords();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rows = records.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  if (records.isPending) return <Spinner />;
  if (records.isError) {
    return (
      <ErrorBanner
        message={isApiError(records.error) ? records.error.message : t('errors.generic')}
        onRetry={() => void records.refetch()}
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          disabled={selected.size === 0}
          isBusy={invite.isPending && invite.variables && 'recordIds' in invite.variables}
          onClick={() =>
            invite.mutate({ recordIds: [...selected] }, { onSuccess: () => setSelected(new Set()) })
          }
        >
          {t('hrRecords.inviteSelected', { count: selected.size })}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={rows.length === 0}
          isBusy={invite.isPending && invite.variables && 'filter' in invite.variables}
          onClick={() => invite.mutate({ filter })}
        >
          {t('hrRecords.inviteAll')}
        </Button>
      </div>
      {invite.isSuccess && <InviteResult result={invite.data} />}
      {invite.isError && (
        <ErrorBanner message={isApiError(invite.error) ? invite.error.message : t('errors.generic')} />
      )}
      <DataTable<HrRecord>
        caption={t('hrRecords.tableCaption')}
        minWidth="56rem"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('hrRecords.empty')}
        isBusy={records.isPlaceholderData}
        columns={[
          {
            key: 'select',
            header: <span className="sr-only">{t('hrRecords.columns.select')}</span>,
            cell: (r) => (
              <input
                type="checkbox"
                className="size-[1.125rem] accent-ai-700"
                aria-label={t('hrRecords.selectRow', { name: r.displayName })}
                checked={selected.has(r.id)}
                onChange={(e) => toggle(r.id, e.target.checked)}
              />
            ),
          },
          {
            key: 'employeeNumber',
            header: t('hrRecords.columns.employeeNumber'),
            cell: (r) => r.employeeNumber,
            className: 'font-mono text-xs text-slate-700',
          },
          {
            key: 'name',
            header: t('hrRecords.columns.name'),
            cell: (r) => (
              <div>
                <div className="font-medium text-slate-900">{r.displayName}</div>
                {(r.familyNameKana || r.givenNameKana) && (
                  <div className="text-xs text-slate-500">
                    {[r.familyNameKana, r.givenNameKana].filter(Boolean).join(' ')}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'departments',
            header: t('hrRecords.columns.departments'),
            cell: (r) => format.list(r.departments),
            className: 'text-slate-700',
          },
          {
            key: 'period',
            header: t('hrRecords.columns.period'),
            cell: (r) =>
              [r.joinedOn && format.date(r.joinedOn), r.leftOn && format.date(r.leftOn)]
                .map((d) => d || '—')
                .join(' – '),
            className: 'whitespace-nowrap text-slate-700',
          },
          {
            key: 'email',
            header: t('hrRecords.columns.email'),
            cell: (r) => r.personalEmail ?? r.workEmail ?? '—',
            className: 'whitespace-nowrap text-slate-700',
          },
          {
            key: 'status',
            header: t('hrRecords.columns.status'),
            cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(`hrRecords.status.${r.status}`)}</Badge>,
          },
        ]}
      />
      {records.hasNextPage && (
        <div className="text-center">
          <Button
            variant="secondary"
            size="sm"
            isBusy={records.isFetchingNextPage}
            onClick={() => void records.fetchNextPage()}
          >
            {t('hrRecords.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
