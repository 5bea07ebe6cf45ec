import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

const key = ['agent', 'canned-replies'] as const;

export function useCannedReplies() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.agent['canned-replies'].$get()), staleTime: 60_000 });
}

export function useCreateCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; body: string; shared: boolean }) => unwrap(api.agent['canned-replies'].$post({ json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.agent['canned-replies'][':id'].delete.$post({ param: { id: String(id) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
