import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export function useMailbox() {
  return useInfiniteQuery({
    queryKey: ['admin', 'mailbox'],
    queryFn: ({ pageParam }) => unwrap(api.admin.mailbox.$get({ query: pageParam ? { before: String(pageParam) } : {} })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
