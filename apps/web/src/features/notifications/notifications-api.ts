import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export const notificationKeys = {
  list: ['agent', 'notifications'] as const,
  preferences: ['agent', 'notification-preferences'] as const,
};

/** The agent's latest notifications and unread count (live events keep it current). */
export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.list, queryFn: () => unwrap(api.agent.notifications.$get({ query: {} })), enabled });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => unwrap(api.agent.notifications.read.$post({ json: { ids } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.agent.notifications['read-all'].$post({ json: {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: () => unwrap(api.agent['notification-preferences'].$get()) });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emailKinds: string[]) => unwrap(api.agent['notification-preferences'].$put({ json: { emailKinds: emailKinds as never } })),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}
