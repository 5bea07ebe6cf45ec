import type { LogConversationInput, OnBehalfTicketInput } from '@atende/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

const directoryKeys = { all: ['directory'] as const };

export function useDirectorySearch(q: string) {
  return useQuery({
    queryKey: [...directoryKeys.all, 'search', q],
    queryFn: () => unwrap(api.agent.directory.$get({ query: { q } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: number) {
  return useQuery({ queryKey: [...directoryKeys.all, 'company', id], queryFn: () => unwrap(api.agent.companies[':id'].$get({ param: { id: String(id) } })) });
}

export function useContact(id: number) {
  return useQuery({ queryKey: [...directoryKeys.all, 'contact', id], queryFn: () => unwrap(api.agent.contacts[':id'].$get({ param: { id: String(id) } })) });
}

export function useFileOnBehalf(contactId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: OnBehalfTicketInput) => unwrap(api.agent.contacts[':id'].tickets.$post({ param: { id: String(contactId) }, json })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

export function useLogConversation(contactId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: LogConversationInput) => unwrap(api.agent.contacts[':id'].conversations.$post({ param: { id: String(contactId) }, json })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['agent'] });
    },
  });
}

export function useCreateApiToken() {
  return useMutation({ mutationFn: (name: string) => unwrap(api.agent['api-tokens'].$post({ json: { name } })) });
}
