import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryFacets, DirectoryResult } from '#common/directory';
import { api } from '#web/lib/api';
import { type DirectoryState, facetsQuery, resultsQuery } from './search-state';

/** Results and facet counts are fetched in parallel; the previous page stays while the next loads. */
export function useDirectory(state: DirectoryState, pageSize = 20) {
  const resultsQs = resultsQuery(state, pageSize);
  const facetsQs = facetsQuery(state);
  const results = useQuery({
    queryKey: ['directory', resultsQs],
    queryFn: ({ signal }) => api<DirectoryResult>(`/directory${resultsQs}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const facets = useQuery({
    queryKey: ['directory-facets', facetsQs],
    queryFn: ({ signal }) => api<DirectoryFacets>(`/directory/facets${facetsQs}`, { signal }),
    placeholderData: keepPreviousData,
  });
  return { results, facets };
}
