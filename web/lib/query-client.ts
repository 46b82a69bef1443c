import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

export const ME_QUERY_KEY = ['me'] as const;

/**
 * One client for the app. A 401 from any query means the session ended: forget the member so the
 * route guard sends them to the login page. Client errors (4xx) are not retried.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error) && error.status === 401 && query.queryKey[0] !== ME_QUERY_KEY[0]) {
        queryClient.setQueryData(ME_QUERY_KEY, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return count < 2;
      },
    },
  },
});

/**
 * Another member's data must not survive a change of session. The queries named in `keep` stay,
 * because mounted components observe them (removing them would leave those observers detached).
 */
export function forgetEverythingBut(queryClient: QueryClient, ...keep: string[]) {
  queryClient.removeQueries({ predicate: (q) => !keep.includes(String(q.queryKey[0])) });
}
