import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { forgetSignedInData, meQueryKey } from '../../lib/session.js';

/** Reads the link (never spends it: mail scanners open links too). */
export function useEmailLink(token: string, enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'email-link', token],
    queryFn: async () => (await unwrap(api.auth['email-link'][':token'].$get({ param: { token } }))).link,
    retry: false,
    enabled,
  });
}

/** The Entrar button: spends the link and opens the session. */
export function useEnterByEmailLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.auth['email-link'][':token'].$post({ param: { token }, json: {} })),
    onSuccess: (data) => {
      forgetSignedInData(queryClient);
      queryClient.setQueryData(meQueryKey, data.actor);
    },
  });
}
