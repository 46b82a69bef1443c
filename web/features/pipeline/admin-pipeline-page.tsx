import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PipelineBoard, PipelineBoardQuery, PipelineCardSummary } from '#common/pipeline';
import { PIPELINE_SOURCES, PIPELINE_STAGES, type PipelineStage } from '#common/rehiring-reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { InlineSelect, Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EligibilityBadge, jobTitle, SourceBadge } from './pipeline-badges';
import { boardCsvUrl, useMoveCard, usePipelineBoard, usePipelineStats } from './use-pipeline';

const isSource = (v: string | null): v is 'interest' | 'referral' =>
  v !== null && (PIPELINE_SOURCES as readonly string[]).includes(v);

/** `/admin/pipeline`: HR's rehiring board — figures, filters, one column per stage. */
export function AdminPipelinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pipeline.title'));
  const [params, setParams] = useSearchParams();
  const source = params.get('source');
  const filters: PipelineBoardQuery = {
    ...(params.get('jobId') ? { jobId: params.get('jobId') as string } : {}),
    ...(isSource(source) ? { source } : {}),
    ...(params.get('q') ? { q: params.get('q') as string } : {}),
  };
  const board = usePipelineBoard(filters);
  const setFilters = (next: PipelineBoardQuery) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
    setParams(search, { replace: true });
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('pipeline.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('pipeline.lead')}</p>
      </div>
      <StatsHeader />
      <Filters key={params.toString()} filters={filters} board={board.data} onChange={setFilters} />
      {board.isPending && <PageSpinner />}
      {board.isError && (
        <ErrorBanner
          message={isApiError(board.error) ? board.error.message : t('errors.generic')}
          onRetry={() => void board.refetch()}
        />
      )}
      {board.data && board.data.total === 0 && (
        <Card>
          <p className="text-sm text-slate-600">
            {filtered ? t('pipeline.board.emptyFiltered') : t('pipeline.board.emptyAll')}
          </p>
        </Card>
      )}
      {board.data && board.data.total > 0 && <Board board={board.data} isBusy={board.isFetching} />}
    </div>
  );
}

/** "Rehired this year: N — boomerangs x, referrals y", cards in progress, conversion. */
function StatsHeader() {
  const { t } = useTranslation();
  const f = useFormat();
  const stats = usePipelineStats();
  if (!stats.data) return null;
  const s = stats.data;
  const inProgress = (['interested', 'conversation', 'interview', 'offer'] as const).reduce(
    (sum, stage) => sum + (s.openByStage[stage] ?? 0),
    0,
  );
  const rate = new Intl.NumberFormat(f.lang, { style: 'percent', maximumFractionDigits: 1 }).format(
    s.conversion.rate,
  );
  return (
    <section aria-label={t('pipeline.stats.label')} className="grid gap-3 sm:grid-cols-3">
      <div className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 shadow-xs">
        <p className="text-lg font-semibold text-emerald-900" data-testid="rehired-this-year">
          {t('pipeline.stats.thisYear', { total: f.number(s.thisYear.total) })}
        </p>
        <p className="mt-0.5 text-sm text-emerald-800">
          {t('pipeline.stats.split', {
            interest: f.number(s.thisYear.interest),
            referral: f.number(s.thisYear.referral),
          })}
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
        <p className="text-sm text-slate-600">{t('pipeline.stats.onBoard')}</p>
        <p className="mt-0.5 text-2xl font-semibold text-slate-900">{f.number(inProgress)}</p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
        <p className="text-sm text-slate-600">{t('pipeline.stats.conversion')}</p>
        <p className="mt-0.5 text-lg font-semibold text-slate-900">
          {t('pipeline.stats.conversionValue', {
            hired: f.number(s.conversion.hired),
            cards: f.number(s.conversion.cards),
            rate,
          })}
        </p>
      </div>
    </section>
  );
}

function Filters({
  filters,
  board,
  onChange,
}: {
  filters: PipelineBoardQuery;
  board: PipelineBoard | undefined;
  onChange: (next: PipelineBoardQuery) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [q, setQ] = useState(filters.q ?? '');
  const jobs = board?.jobs ?? [];
  // A job chosen in the URL stays selectable even when no visible card has it any more.
  const jobOptions = jobs.map((j) => ({ value: j.id, label: jobTitle(j, f.lang) }));
  if (filters.jobId && !jobs.some((j) => j.id === filters.jobId)) {
    jobOptions.push({ value: filters.jobId, label: filters.jobId });
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined });
  };
  return (
    <Card>
      <form
        onSubmit={submit}
        aria-label={t('pipeline.filters.label')}
        className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1.4fr_auto]"
      >
        <Select
          label={t('pipeline.filters.job')}
          name="jobId"
          value={filters.jobId ?? ''}
          emptyOption={t('pipeline.filters.allJobs')}
          options={jobOptions}
          onChange={(e) => onChange({ ...filters, jobId: e.target.value || undefined })}
        />
        <Select
          label={t('pipeline.filters.source')}
          name="source"
          value={filters.source ?? ''}
          emptyOption={t('pipeline.filters.allSources')}
          options={PIPELINE_SOURCES.map((s) => ({ value: s, label: t(`pipeline.sources.${s}`) }))}
          onChange={(e) =>
            onChange({ ...filters, source: isSource(e.target.value) ? e.target.value : undefined })
          }
        />
        <TextField
          label={t('pipeline.filters.name')}
          name="q"
          type="search"
          value={q}
          placeholder={t('pipeline.filters.namePlaceholder')}
          onChange={(e) => setQ(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary">
            {t('pipeline.filters.apply')}
          </Button>
          {Object.keys(filters).length > 0 && (
            <Button type="button" variant="ghost" onClick={() => onChange({})}>
              {t('pipeline.filters.clear')}
            </Button>
          )}
        </div>
      </form>
      <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <a href={boardCsvUrl(filters, f.lang)} download className={buttonClasses('secondary', 'sm')}>
          {t('pipeline.exportCsv')}
        </a>
        <p className="text-xs text-slate-500">{t('pipeline.exportCsvHint')}</p>
      </div>
    </Card>
  );
}

function Board({ board, isBusy }: { board: PipelineBoard; isBusy: boolean }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [moved, setMoved] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <div aria-live="polite">{moved && <SuccessBanner>{moved}</SuccessBanner>}</div>
      <p id={hintId} className="text-xs text-slate-500">
        {t('pipeline.board.scrollHint')}
      </p>
      <section
        aria-label={t('pipeline.board.label')}
        aria-describedby={hintId}
        aria-busy={isBusy || undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll the board sideways
        tabIndex={0}
        className="-mx-4 overflow-x-auto px-4 pb-2 focus-visible:outline-3 focus-visible:outline-ai-300"
      >
        <ol className="flex min-w-max gap-4">
          {board.columns.map((column) => (
            <li key={column.stage} className="w-72 shrink-0">
              <Column column={column} onMoved={setMoved} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Column({
  column,
  onMoved,
}: {
  column: PipelineBoard['columns'][number];
  onMoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex h-full flex-col rounded-2xl border border-slate-200 bg-slate-50 p-3"
      data-testid={`column-${column.stage}`}
    >
      <h2 id={headingId} className="mb-3 flex items-baseline justify-between gap-2 px-1">
        <span className="font-semibold text-slate-900">{t(`pipeline.stages.${column.stage}`)}</span>
        <span className="text-xs tabular-nums text-slate-500">
          {t('pipeline.board.count', { count: column.count })}
        </span>
      </h2>
      {column.cards.length === 0 ? (
        <p className="px-1 text-sm text-slate-500">{t('pipeline.board.empty')}</p>
      ) : (
        <ul className="space-y-3">
          {column.cards.map((card) => (
            <li key={card.id}>
              <BoardCard card={card} onMoved={onMoved} />
            </li>
          ))}
        </ul>
      )}
      {column.count > column.cards.length && (
        <p className="mt-3 px-1 text-xs text-slate-500">
          {t('pipeline.board.shownOf', { shown: column.cards.length, count: column.count })}
        </p>
      )}
    </section>
  );
}

function BoardCard({ card, onMoved }: { card: PipelineCardSummary; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const move = useMoveCard();
  const history = [
    card.lastDepartment,
    card.lastTitle,
    card.yearsAtCompany === null
      ? null
      : card.yearsAtCompany === 0
        ? t('pipeline.card.underOneYear')
        : t('pipeline.card.years', { count: card.yearsAtCompany }),
  ].filter(Boolean);
  const onMove = (stage: PipelineStage) => {
    // Rehired needs the hire (start date, role): the card's page has the form.
    if (stage === 'rehired') {
      void navigate(`/admin/pipeline/${card.id}?move=rehired`);
      return;
    }
    move.mutate(
      { id: card.id, stage },
      {
        onSuccess: () =>
          onMoved(t('pipeline.card.moved', { name: card.displayName, stage: t(`pipeline.stages.${stage}`) })),
      },
    );
  };
  const locked = card.stage === 'rehired';
  return (
    <article
      className="rounded-xl border border-slate-200 bg-white p-3 shadow-xs"
      aria-label={card.displayName}
      data-testid="pipeline-card"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <SourceBadge source={card.source} />
        {/* No exit record (most people, and every referred outsider): no badge, not noise. */}
        {card.rehireEligibility && <EligibilityBadge value={card.rehireEligibility} />}
      </div>
      <h3 className="mt-2 font-semibold text-slate-900">
        <Link
          to={`/admin/pipeline/${card.id}`}
          className="text-ai-700 underline-offset-2 hover:underline focus-visible:outline-3 focus-visible:outline-ai-300"
        >
          {card.displayName}
        </Link>
      </h3>
      <p className="mt-0.5 text-sm text-slate-700">
        {card.job ? jobTitle(card.job, f.lang) : t('pipeline.card.noJob')}
      </p>
      {history.length > 0 && <p className="mt-1 text-xs text-slate-500">{history.join(' · ')}</p>}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs text-slate-500">
          {t('pipeline.card.daysInStage', { count: card.daysInStage })}
        </span>
        {!locked && (
          <InlineSelect
            label={t('pipeline.card.moveLabel', { name: card.displayName })}
            value=""
            disabled={move.isPending}
            errors={isApiError(move.error) ? [move.error.message] : undefined}
            onChange={(e) => {
              const stage = e.target.value as PipelineStage;
              if (stage) onMove(stage);
            }}
            options={[
              { value: '', label: t('pipeline.card.moveTo') },
              ...PIPELINE_STAGES.filter((s) => s !== card.stage).map((s) => ({
                value: s,
                label: t(`pipeline.stages.${s}`),
              })),
            ]}
          />
        )}
      </div>
    </article>
  );
}
