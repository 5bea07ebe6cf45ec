import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { forgetSignedInData, meQueryKey } from '../../lib/session.js';

export function useSignUp() {
  return useMutation({ mutationFn: (input: { name: string; email: string }) => unwrap(api.registration.$post({ json: input })) });
}

/** Reads the e-mailed link (never spends it: mail scanners open links too). */
export function useRegistrationLink(token: string) {
  return useQuery({
    queryKey: ['registration-link', token],
    queryFn: async () => (await unwrap(api.registration[':token'].$get({ param: { token } }))).registration,
    retry: false,
  });
}

/** Choosing the password creates the account and signs it in. */
export function useCompleteRegistration(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrap(api.registration[':token'].$post({ param: { token }, json: { password } })),
    onSuccess: async () => {
      forgetSignedInData(queryClient);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
