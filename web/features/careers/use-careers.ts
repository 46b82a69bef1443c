import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CareerDepartments, CareerPaths } from '#common/careers';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

export function useCareerDepartments() {
  return useQuery({
    queryKey: ['careers', 'departments'],
    queryFn: ({ signal }) => api<CareerDepartments>('/careers/departments', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Where alumni of a department went; empty department = the viewer's own. */
export function useCareerPaths(department: string, q: string) {
  return useQuery({
    queryKey: ['careers', 'paths', department, q],
    queryFn: ({ signal }) =>
      api<CareerPaths>(
        `/careers/paths${toQueryString({ department: department || undefined, q: q || undefined })}`,
        {
          signal,
        },
      ),
    placeholderData: keepPreviousData,
  });
}
