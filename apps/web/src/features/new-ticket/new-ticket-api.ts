import type { NewTicketInput } from '@atende/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { withSessionRecovery } from '../../lib/session-recovery.js';

export function useNewTicketOptions() {
  return useQuery({
    queryKey: ['customer', 'new-ticket', 'options'] as const,
    queryFn: () => unwrap(api.customer['new-ticket'].options.$get()),
  });
}

export function useFileTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    // Same idempotency key on the retry after signing in again: never two tickets.
    mutationFn: (input: NewTicketInput) => withSessionRecovery(() => unwrap(api.customer.tickets.$post({ json: input }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer'] }),
  });
}
