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

const tokensKey = ['agent', 'api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: async () => (await unwrap(api.agent['api-tokens'].$get())).tokens });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.agent['api-tokens'].$post({ json: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.agent['api-tokens'][':tokenId'].revoke.$post({ param: { tokenId: String(id) }, json: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

type ContactForm = { name: string; email: string; phone: string | null; companyId: number | null; extraEmails: string[] };
type CompanyForm = { name: string; document: string | null; phone: string | null };

/** Every company, for the Empresa select. */
export function useCompanies() {
  return useQuery({ queryKey: [...directoryKeys.all, 'companies'], queryFn: async () => (await unwrap(api.agent.companies.$get())).companies });
}

export function useSaveContact(contactId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ContactForm) =>
      contactId === null
        ? unwrap(api.agent.contacts.$post({ json }))
        : unwrap(api.agent.contacts[':contactId'].$put({ param: { contactId: String(contactId) }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: CompanyForm) => unwrap(api.agent.companies.$post({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

/** Invite to the portal (agents), deactivate or reactivate (admins). */
export function useContactAction(contactId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'invitation' | 'deactivate' | 'reactivate'): Promise<unknown> => {
      const param = { contactId: String(contactId) };
      const contact = api.agent.contacts[':contactId'];
      if (action === 'invitation') return unwrap(contact.invitation.$post({ param, json: {} }));
      if (action === 'deactivate') return unwrap(contact.deactivate.$post({ param, json: {} }));
      return unwrap(contact.reactivate.$post({ param, json: {} }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
