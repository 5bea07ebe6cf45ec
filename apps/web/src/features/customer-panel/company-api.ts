import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

/** Whether the signed-in contact manages their company, and its contacts (issue 15). */
export const companyQuery = queryOptions({
  queryKey: ['customer', 'company'] as const,
  queryFn: () => unwrap(api.customer.company.$get()),
  staleTime: 60_000,
});

export function useCompany() {
  return useQuery(companyQuery);
}

/** The company's tickets, newest activity first; `requesterId` narrows to one requester. */
export function useCompanyTickets(requesterId: string) {
  return useInfiniteQuery({
    queryKey: ['customer', 'company', 'tickets', requesterId] as const,
    queryFn: ({ pageParam }) =>
      unwrap(api.customer.company.tickets.$get({ query: { ...(requesterId ? { requesterId } : {}), ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
