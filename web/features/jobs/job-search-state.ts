import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  REMOTE_MODES,
  type RemoteMode,
} from '#common/rehiring-reference';
import { toQueryString } from '#web/lib/query-string';

/** What /jobs shows, held in the URL so a search can be shared and the back button works. */
export interface JobSearchState {
  q: string;
  department: string;
  location: string;
  remote: RemoteMode | '';
  type: EmploymentType | '';
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value && (values as readonly string[]).includes(value) ? (value as T) : '';

export function parseJobSearch(params: URLSearchParams): JobSearchState {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    department: params.get('department') ?? '',
    location: params.get('location') ?? '',
    remote: oneOf(REMOTE_MODES, params.get('remote')),
    type: oneOf(EMPLOYMENT_TYPES, params.get('type')),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL form of a state: defaults left out, so a plain /jobs is the unfiltered list. */
export function toJobSearchParams(state: JobSearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.department) params.set('department', state.department);
  if (state.location) params.set('location', state.location);
  if (state.remote) params.set('remote', state.remote);
  if (state.type) params.set('type', state.type);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The API query of a state. Commas inside a value would split it, so such a value is not sent. */
export function jobsQuery(state: JobSearchState, pageSize: number): string {
  const single = (v: string) => (v && !v.includes(',') ? v : undefined);
  return toQueryString({
    q: state.q.trim() || undefined,
    department: single(state.department),
    location: single(state.location),
    remote: state.remote || undefined,
    employmentType: state.type || undefined,
    page: state.page,
    pageSize,
  });
}

export const hasJobFilters = (s: JobSearchState) => Boolean(s.department || s.location || s.remote || s.type);
