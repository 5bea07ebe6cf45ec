import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';
import { withSessionRecovery } from '../../lib/session-recovery.js';
import { customerKeys } from '../../lib/customer-query-keys.js';

export function useCustomerTicket(id: number) {
  return useQuery({
    queryKey: customerKeys.ticket(id),
    queryFn: () => unwrap(api.customer.tickets[':id'].$get({ param: { id: String(id) } })),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 2,
  });
}

export function useReply(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // An expired session asks for the password in place, then sends (never throws the reply away).
    mutationFn: (input: { body: string; expectedVersion: number; attachmentIds?: number[] }) =>
      withSessionRecovery(() => unwrap(api.customer.tickets[':id'].replies.$post({ param: { id: String(id) }, json: input }))),
    // Success or conflict: the ticket and every tab may have changed, so read them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/**
 * The customer's decisions. Whatever the answer (done, refused, conflict with another tab), the ticket
 * and every tab may have changed: read them again, so a lost race shows the winner's result.
 */
function useDecision<Input>(send: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: Input) => withSessionRecovery(() => send(input)), onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }) });
}

export function useConfirmSolution(id: number) {
  return useDecision((input: { expectedVersion: number }) =>
    unwrap(api.customer.tickets[':id'].confirm.$post({ param: { id: String(id) }, json: input })),
  );
}

export function useNotResolved(id: number) {
  return useDecision((input: { reason: string; expectedVersion: number }) =>
    unwrap(api.customer.tickets[':id']['not-resolved'].$post({ param: { id: String(id) }, json: input })),
  );
}

export function useRateTicket(id: number) {
  return useDecision((input: { score: number; comment?: string; expectedVersion: number }) =>
    unwrap(api.customer.tickets[':id'].rating.$post({ param: { id: String(id) }, json: input })),
  );
}
