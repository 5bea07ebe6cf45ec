import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client.js';

// Asking for a sign-in link by e-mail (issue 15): offered on the sign-in page and in the expired-session
// dialog (components/), so shared here rather than in features/auth.

/** Whether "Receber link de acesso por e-mail" is offered (an admin may turn it off); read only once `enabled`. */
export function useSignInOptions(enabled = true) {
  return useQuery({ queryKey: ['auth', 'sign-in-options'], queryFn: () => unwrap(api.auth['sign-in-options'].$get()), staleTime: 60_000, enabled });
}

/** Asks for a link; the answer is the same whether or not the e-mail has an account. */
export function useRequestEmailLink() {
  return useMutation({
    mutationFn: (input: { email: string; returnTo?: string }) => unwrap(api.auth['email-link'].$post({ json: input })),
  });
}
