import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from './api-client.js';
import { forgetKeptAnswers } from './revalidating-fetch.js';

// Who is signed in, read by the layout and by every feature that shows or guards by role; and signing
// out, offered by the layout. Shared, so here rather than in features/auth (features never import each other).

export const meQueryKey = ['me'] as const;

/** The signed-in actor, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async () => {
    try {
      return (await unwrap(api.auth.me.$get())).actor;
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;

/** Someone signed in or out: nothing read for the one before may be shown to the next. */
export function forgetSignedInData(queryClient: QueryClient): void {
  queryClient.clear();
  forgetKeptAnswers();
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.auth.logout.$post({ json: {} })),
    onSettled: () => {
      forgetSignedInData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
