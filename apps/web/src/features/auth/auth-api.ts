import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { forgetSignedInData, meQueryKey } from '../../lib/session.js';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => unwrap(api.auth.login.$post({ json: input })),
    onSuccess: (data) => {
      forgetSignedInData(queryClient);
      queryClient.setQueryData(meQueryKey, data.actor);
    },
  });
}
