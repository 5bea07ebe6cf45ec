import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => unwrap(api.account['password-reset'].$post({ json: { email } })) });
}

/** Reads the link (never spends it: mail scanners open links too). */
export function useAccountLink(token: string) {
  return useQuery({
    queryKey: ['account-link', token],
    queryFn: async () => (await unwrap(api.account.links[':token'].$get({ param: { token } }))).link,
    retry: false,
  });
}

export function useSetPasswordByLink(token: string) {
  return useMutation({ mutationFn: (password: string) => unwrap(api.account.links[':token'].$post({ param: { token }, json: { password } })) });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => unwrap(api.account.password.$post({ json: input })),
  });
}
