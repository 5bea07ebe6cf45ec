import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export function useReport(period: { from: string; to: string }) {
  return useQuery({ queryKey: ['agent', 'reports', period], queryFn: () => unwrap(api.agent.reports.$get({ query: period })) });
}

export type ReportData = NonNullable<ReturnType<typeof useReport>['data']>;
