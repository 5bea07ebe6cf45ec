import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.js';

/** The one query cache of the page: main.tsx provides it, app/prefetch.ts fills it before the first render. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again; only transient failures are retried.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});
