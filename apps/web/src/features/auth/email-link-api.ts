import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { meQueryKey } from '../../lib/session.js';

/** Whether the sign-in page offers "Receber link de acesso por e-mail" (an admin may turn it off). */
export function useSignInOptions() {
  return useQuery({ queryKey: ['auth', 'sign-in-options'], queryFn: () => unwrap(api.auth['sign-in-options'].$get()), staleTime: 60_000 });
}

/** Asks for a link; the answer is the same whether or not the e-mail has an account. */
export function useRequestEmailLink() {
  return useMutation({
    mutationFn: (input: { email: string; returnTo?: string }) => unwrap(api.auth['email-link'].$post({ json: input })),
  });
}

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
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, data.actor);
    },
  });
}
