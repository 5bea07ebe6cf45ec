import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client.js';

/** Departments and agents to pick from: the console's forms and the directory's ticket form share them. */
export function useAgentOptions() {
  return useQuery({ queryKey: ['agent', 'options'], queryFn: () => unwrap(api.agent.options.$get()), staleTime: 5 * 60_000 });
}
