import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api-client.js';

const linkKey = (token: string) => ['rating-link', token] as const;

/** Reading the link's state never writes (mail scanners follow links). */
export function useRatingLink(token: string) {
  return useQuery({
    queryKey: linkKey(token),
    queryFn: () => unwrap(api.public.ratings[':token'].$get({ param: { token } })),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useRateByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (score: number) => unwrap(api.public.ratings[':token'].$post({ param: { token }, json: { score } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}

export function useCommentByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) => unwrap(api.public.ratings[':token'].comment.$post({ param: { token }, json: { comment } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}
