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
