import { customerTabOfLink, DEFAULT_CUSTOMER_TAB, type CustomerTab } from '@atende/domain';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';
import { customerKeys } from '../../lib/customer-query-keys.js';

/** "Aguardando minha resposta" opens first, unless the link names a tab (?aba=). */
export const DEFAULT_TAB: CustomerTab = DEFAULT_CUSTOMER_TAB;

export function panelTabOf(search: URLSearchParams): CustomerTab {
  return customerTabOfLink(search.get('aba'));
}

export const tabCountsQuery = queryOptions({
  queryKey: customerKeys.counts,
  queryFn: async () => (await unwrap(api.customer.tickets.counts.$get())).counts,
});

export const tabTicketsQuery = (tab: CustomerTab) =>
  infiniteQueryOptions({
    queryKey: customerKeys.tab(tab),
    queryFn: ({ pageParam }) => unwrap(api.customer.tickets.$get({ query: { tab, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useTabCounts() {
  return useQuery(tabCountsQuery);
}

export function useTabTickets(tab: CustomerTab) {
  return useInfiniteQuery(tabTicketsQuery(tab));
}
