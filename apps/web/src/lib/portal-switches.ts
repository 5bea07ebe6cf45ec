import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client.js';

export const portalKeys = { switches: ['customer', 'portal'] as const };

/** What the admin lets customers do on the portal (see tickets, open tickets); re-read on focus. */
export const portalSwitchesQuery = queryOptions({
  queryKey: portalKeys.switches,
  queryFn: () => unwrap(api.customer.portal.$get()),
});

export function usePortalSwitches(enabled = true) {
  return useQuery({ ...portalSwitchesQuery, enabled });
}
