import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';

export const meQueryKey = ['me'] as const;

/** The signed-in actor, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
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
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => unwrap(api.auth.login.$post({ json: input })),
    onSuccess: (data) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, data.actor);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.auth.logout.$post({ json: {} })),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
