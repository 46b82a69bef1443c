import type { DIRECTORY_FACETS } from '#common/directory';
import { toQueryString } from '#web/lib/query-string';

export type FacetName = (typeof DIRECTORY_FACETS)[number];
export const FACET_NAMES: readonly FacetName[] = [
  'role',
  'availability',
  'department',
  'industry',
  'country',
  'skill',
];

export type DirectorySort = 'relevance' | 'name';

/** Everything the directory shows, held in the URL so a search can be shared and the back button works. */
export interface DirectoryState {
  q: string;
  filters: Record<FacetName, string[]>;
  tenureMin: string;
  tenureMax: string;
  sort: DirectorySort;
  page: number;
}

const list = (params: URLSearchParams, key: string) =>
  (params.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const yearsParam = (value: string | null) => (value && /^\d{1,2}$/.test(value) ? value : '');

export const emptyFilters = () =>
  Object.fromEntries(FACET_NAMES.map((f) => [f, [] as string[]])) as Record<FacetName, string[]>;

export function parseDirectoryState(params: URLSearchParams): DirectoryState {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FACET_NAMES.map((f) => [f, list(params, f)])) as Record<FacetName, string[]>,
    tenureMin: yearsParam(params.get('tenureMin')),
    tenureMax: yearsParam(params.get('tenureMax')),
    sort: params.get('sort') === 'name' ? 'name' : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL form of a state: defaults left out, so a plain /directory is the unfiltered list. */
export function toSearchParams(state: DirectoryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const f of FACET_NAMES) if (state.filters[f].length > 0) params.set(f, state.filters[f].join(','));
  if (state.tenureMin) params.set('tenureMin', state.tenureMin);
  if (state.tenureMax) params.set('tenureMax', state.tenureMax);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** Query for /api/directory/facets: the same matches, without paging or order. */
export function facetsQuery(state: DirectoryState): string {
  return toQueryString({
    q: state.q.trim() || undefined,
    ...state.filters,
    tenureMin: state.tenureMin || undefined,
    tenureMax: state.tenureMax || undefined,
  });
}

export function resultsQuery(state: DirectoryState, pageSize: number): string {
  return toQueryString({
    q: state.q.trim() || undefined,
    ...state.filters,
    tenureMin: state.tenureMin || undefined,
    tenureMax: state.tenureMax || undefined,
    sort: state.sort,
    page: state.page,
    pageSize,
  });
}

export const hasActiveFilters = (state: DirectoryState) =>
  FACET_NAMES.some((f) => state.filters[f].length > 0) || !!state.tenureMin || !!state.tenureMax;
