import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export interface RatingsFilter {
  agentId?: string;
  from?: string;
  to?: string;
}

export function useRatings(filter: RatingsFilter) {
  return useQuery({
    queryKey: ['ratings', filter],
    queryFn: () => unwrap(api.ratings.$get({ query: filter })),
  });
}
