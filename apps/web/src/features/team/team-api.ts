import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export interface TeamInvite {
  name: string;
  email: string;
  role: 'agent' | 'admin';
  departmentIds: number[];
}
const teamKey = ['admin', 'team'] as const;

export function useTeam() {
  return useQuery({ queryKey: teamKey, queryFn: () => unwrap(api.admin.team.$get()) });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: TeamInvite) => unwrap(api.admin.team.$post({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

/** Deactivate, reactivate or send a new invitation to one member. */
export function useMemberAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: number; action: 'deactivate' | 'reactivate' | 'invitation' }): Promise<unknown> => {
      const param = { agentId: String(id) };
      const member = api.admin.team[':agentId'];
      if (action === 'deactivate') return unwrap(member.deactivate.$post({ param, json: {} }));
      if (action === 'reactivate') return unwrap(member.reactivate.$post({ param, json: {} }));
      return unwrap(member.invitation.$post({ param, json: {} }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}
