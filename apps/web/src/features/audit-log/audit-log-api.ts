import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

/** The audit log, newest first, page by page (admins only). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit-log'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.admin['audit-log'].$get({ query: pageParam ? { before: pageParam } : {} })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
