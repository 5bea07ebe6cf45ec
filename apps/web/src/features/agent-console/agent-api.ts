import type { TicketStatus } from '@atende/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';

export const agentKeys = {
  all: ['agent'] as const,
  list: ['agent', 'tickets'] as const,
  ticket: (id: number) => ['agent', 'ticket', id] as const,
};

export const AGENT_QUEUES = ['mine', 'unassigned', 'today', 'overdue', 'all'] as const;
export type AgentQueue = (typeof AGENT_QUEUES)[number];
export type QueueQuery = { queue: AgentQueue; sort: 'updated' | 'due' | 'priority'; status?: TicketStatus; priority?: 'baixa' | 'media' | 'alta' | 'urgente'; origin?: 'portal' | 'hotsite' | 'email' | 'agent' | 'api'; departmentId?: number; assigneeId?: number; companyId?: number; q?: string };

export function useAgentTickets(filters: QueueQuery) {
  return useInfiniteQuery({
    queryKey: [...agentKeys.list, filters],
    queryFn: ({ pageParam }) => {
      const { departmentId, assigneeId, companyId, ...rest } = filters;
      const ids = {
        ...(departmentId ? { departmentId: String(departmentId) } : {}),
        ...(assigneeId ? { assigneeId: String(assigneeId) } : {}),
        ...(companyId ? { companyId: String(companyId) } : {}),
      };
      return unwrap(api.agent.tickets.$get({ query: { ...rest, ...ids, ...(pageParam ? { cursor: pageParam } : {}) } }));
    },
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
    mutationFn: (input: { body: string; visibility: 'public' | 'internal'; nextStatus?: TicketStatus; dueDate?: string; expectedVersion: number; attachmentIds?: number[] }) =>
      unwrap(api.agent.tickets[':id'].messages.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useSetStatus(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: TicketStatus; dueDate?: string; expectedVersion: number }) =>
      unwrap(api.agent.tickets[':id'].status.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useExtendDue(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { dueDate: string; note: string; expectedVersion: number }) =>
      unwrap(api.agent.tickets[':id'].due.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useSetFields(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { priority?: 'baixa' | 'media' | 'alta' | 'urgente'; departmentId?: number | null; assigneeId?: number | null; expectedVersion: number }) =>
      unwrap(api.agent.tickets[':id'].fields.$post({ param: { id: String(id) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}
