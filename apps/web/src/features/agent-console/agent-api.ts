import type { Origin, TicketStatus } from '@atende/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';

export const agentKeys = {
  all: ['agent'] as const,
  list: (origin?: Origin) => ['agent', 'tickets', origin ?? 'all'] as const,
  ticket: (id: number) => ['agent', 'ticket', id] as const,
};

export function useAgentTickets(origin?: Origin) {
  return useInfiniteQuery({
    queryKey: agentKeys.list(origin),
    queryFn: ({ pageParam }) =>
      unwrap(api.agent.tickets.$get({ query: { ...(pageParam ? { cursor: pageParam } : {}), ...(origin ? { origin } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAgentTicket(id: number) {
  return useQuery({
    queryKey: agentKeys.ticket(id),
    queryFn: () => unwrap(api.agent.tickets[':id'].$get({ param: { id: String(id) } })),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 2,
  });
}

export function usePostMessage(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; visibility: 'public' | 'internal'; nextStatus?: TicketStatus; expectedVersion: number }) =>
      unwrap(api.agent.tickets[':id'].messages.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useSetStatus(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: TicketStatus; expectedVersion: number }) =>
      unwrap(api.agent.tickets[':id'].status.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}
