import type { CustomerTab } from '@atende/domain';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { customerKeys } from '../../lib/customer-query-keys.js';

export function useTabCounts() {
  return useQuery({
    queryKey: customerKeys.counts,
    queryFn: async () => (await unwrap(api.customer.tickets.counts.$get())).counts,
  });
}

export function useTabTickets(tab: CustomerTab) {
  return useInfiniteQuery({
    queryKey: customerKeys.tab(tab),
    queryFn: ({ pageParam }) => unwrap(api.customer.tickets.$get({ query: { tab, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
