import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SearchBox } from '#web/components/search-box';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Pagination } from '#web/components/ui/pagination';
import { InlineSelect } from '#web/components/ui/select';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { DirectoryFilters } from './directory-filters';
import { MemberCardSkeleton, MemberCardView } from './member-card';
import {
  type DirectoryState,
  emptyFilters,
  FACET_NAMES,
  type FacetName,
  hasActiveFilters,
  parseDirectoryState,
  toSearchParams,
} from './search-state';
import { useDirectory } from './use-directory';

const PAGE_SIZE = 20;

export function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.title'));
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseDirectoryState(params), [params]);
  const { results, facets } = useDirectory(state, PAGE_SIZE);
  const [areFiltersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const resultsTopRef = useRef<HTMLHeadingElement>(null);

  const update = useCallback(
    (change: Partial<DirectoryState>, options: { replace?: boolean; keepPage?: boolean } = {}) => {
      setParams(
        (current) => {
          const base = parseDirectoryState(current);
          const next = { ...base, ...change, page: options.keepPage ? (change.page ?? base.page) : 1 };
          return toSearchParams(next);
        },
        // flushSync: the router updates in a transition otherwise, and a checked box would bounce back
        // unchecked until the URL catches up.
        { replace: options.replace, flushSync: true },
      );
    },
    [setParams],
  );

  // Typing searches after a short pause; Enter searches at once.
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  const onType = (q: string) => {
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => update({ q: q.trim() }, { replace: true }), 350);
  };
  const onSearch = (q: string) => {
    clearTimeout(typingTimer.current);
    if (q !== state.q) update({ q });
  };

  const onToggle = (facet: FacetName, value: string, checked: boolean) => {
    const currentValues = state.filters[facet];
    const values = checked ? [...currentValues, value] : currentValues.filter((v) => v !== value);
    update({ filters: { ...state.filters, [facet]: values } });
  };
  const onTenureChange = useCallback(
    (tenureMin: string, tenureMax: string) => update({ tenureMin, tenureMax }),
    [update],
  );
  const clearFilters = () => update({ filters: emptyFilters(), tenureMin: '', tenureMax: '' });

  const goToPage = (page: number) => {
    update({ page }, { keepPage: true });
    resultsTopRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const data = results.data;
  const error = results.error;
  const errorFields = isApiError(error) ? error.fields : {};
  // The exact count arrives with the facets (a separate, slower request); until then paging
  // follows `hasMore`.
  const total = facets.data?.total;
  const countText =
    total !== undefined
      ? t('directory.count', { count: total, formatted: format.number(total) })
      : error
        ? ''
        : t('common.loading');
  const pageCount =
    total !== undefined
      ? Math.min(10_000, Math.ceil(total / PAGE_SIZE))
      : data
        ? state.page + (data.hasMore ? 1 : 0)
        : 0;
  const filtersActive = hasActiveFilters(state);
  const activeCount =
    FACET_NAMES.reduce((n, f) => n + state.filters[f].length, 0) +
    (state.tenureMin ? 1 : 0) +
    (state.tenureMax ? 1 : 0);

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
      <h1 className="text-2xl font-bold text-slate-900">{t('directory.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('directory.lead')}</p>
      <div className="mt-4">
        <SearchBox initialValue={state.q} onSearch={onSearch} onType={onType} />
      </div>
      {/* Keyboard users jump over the filters (dozens of checkboxes) to the first result. */}
      <a
        href="#directory-results"
        className="sr-only focus:not-sr-only focus:mt-3 focus:inline-block focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-ai-700 focus:shadow"
      >
        {t('directory.skipToResults')}
      </a>

      <div className="mt-6 lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
        <div className="mb-4 lg:hidden">
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={areFiltersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen(!areFiltersOpen)}
          >
            {t('directory.filters')}
            {activeCount > 0 && (
              <span className="rounded-full bg-ai-700 px-1.5 text-xs text-white">{activeCount}</span>
            )}
          </Button>
        </div>
        <aside
          id={filtersId}
          aria-label={t('directory.filters')}
          className={`${areFiltersOpen ? 'block' : 'hidden'} mb-6 rounded-2xl border border-slate-200 bg-white p-4 lg:mb-0 lg:block lg:self-start lg:border-0 lg:bg-transparent lg:p-0`}
        >
          <DirectoryFilters
            state={state}
            facets={facets.data}
            onToggle={onToggle}
            onTenureChange={onTenureChange}
            tenureErrors={{ tenureMin: errorFields.tenureMin, tenureMax: errorFields.tenureMax }}
            onClear={clearFilters}
            hasFilters={filtersActive}
          />
        </aside>

        <section aria-labelledby="results-title" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2
              id="results-title"
              ref={resultsTopRef}
              className="scroll-mt-20 text-sm text-slate-700"
              aria-live="polite"
            >
              {countText}
            </h2>
            <InlineSelect
              label={t('directory.sort.label')}
              value={state.sort}
              onChange={(e) => update({ sort: e.target.value === 'name' ? 'name' : 'relevance' })}
              options={[
                { value: 'relevance', label: t('directory.sort.relevance') },
                { value: 'name', label: t('directory.sort.name') },
              ]}
              className="text-sm"
            />
          </div>

          {error && !data ? (
            <ErrorBanner
              message={isApiError(error) ? error.message : t('errors.generic')}
              // Retrying a request the server rejected as invalid would fail the same way.
              onRetry={isApiError(error) && error.status === 400 ? undefined : () => void results.refetch()}
            >
              {Object.entries(errorFields).length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {Object.entries(errorFields).map(([key, messages]) => (
                    <li key={key}>{messages.join(' ')}</li>
                  ))}
                </ul>
              )}
            </ErrorBanner>
          ) : !data ? (
            <ul
              aria-busy="true"
              aria-label={t('common.loading')}
              className="grid grid-cols-1 gap-4 sm:grid-cols-2"
            >
              {Array.from({ length: 6 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <li key={i}>
                  <MemberCardSkeleton />
                </li>
              ))}
            </ul>
          ) : data.items.length === 0 ? (
            <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
              <p className="font-semibold text-slate-900">{t('directory.empty.title')}</p>
              <p className="mt-1 text-sm text-slate-600">{t('directory.empty.body')}</p>
              {filtersActive && (
                <Button variant="secondary" size="sm" className="mt-4" onClick={clearFilters}>
                  {t('directory.clearFilters')}
                </Button>
              )}
            </div>
          ) : (
            <>
              {error && (
                <div className="mb-4">
                  <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')} />
                </div>
              )}
              <ul
                id="directory-results"
                tabIndex={-1}
                aria-labelledby="results-title"
                aria-busy={results.isPlaceholderData || undefined}
                className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${results.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {data.items.map((member) => (
                  <li key={member.id}>
                    <MemberCardView member={member} />
                  </li>
                ))}
              </ul>
              <div className="mt-6">
                <Pagination page={state.page} pageCount={pageCount} onChange={goToPage} />
              </div>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
