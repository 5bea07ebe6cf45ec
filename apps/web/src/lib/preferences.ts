import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './api-client.js';

export const preferencesKey = ['customer', 'preferences'] as const;
export type Preferences = { language: 'pt-BR' | 'en'; notifyUpdates: boolean; notifyReminders: boolean; notifyRatingRequests: boolean };

/** The contact's language and e-mail choices, kept on the account (issue 15). */
export function usePreferences(enabled = true) {
  return useQuery({ queryKey: preferencesKey, queryFn: async () => (await unwrap(api.customer.preferences.$get())).preferences, enabled, staleTime: 5 * 60_000 });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Preferences) => (await unwrap(api.customer.preferences.$put({ json: input }))).preferences,
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export const agentPreferencesKey = ['agent', 'preferences'] as const;
export type AgentPreferences = { language: 'pt-BR' | 'en' };

/** An agent's (or admin's) language, kept on the account (issue 15): the console's and their e-mails'. */
export function useAgentPreferences(enabled = true) {
  return useQuery({ queryKey: agentPreferencesKey, queryFn: async () => (await unwrap(api.agent.preferences.$get())).preferences, enabled, staleTime: 5 * 60_000 });
}

export function useSaveAgentPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: AgentPreferences) => (await unwrap(api.agent.preferences.$put({ json: input }))).preferences,
    onSuccess: (saved) => queryClient.setQueryData(agentPreferencesKey, saved),
  });
}
