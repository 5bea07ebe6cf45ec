import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';
import { customerKeys } from '../customer-panel/customer-panel-api.js';

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
    mutationFn: (input: { body: string; expectedVersion: number }) =>
      unwrap(api.customer.tickets[':id'].replies.$post({ param: { id: String(id) }, json: input })),
    // Success or conflict: the ticket and every tab may have changed, so read them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
