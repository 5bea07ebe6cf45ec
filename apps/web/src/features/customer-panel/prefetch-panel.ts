import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../../config/paths.js';
import { portalSwitchesQuery } from '../../lib/portal-switches.js';
import { meQuery } from '../../lib/session.js';
import { companyQuery } from './company-api.js';
import { panelTabOf, tabCountsQuery, tabTicketsQuery } from './customer-panel-api.js';

/**
 * A customer who opens the panel cold (a link in an e-mail, a bookmark, a reload) would otherwise wait
 * for three answers in a row: who is signed in, then what the portal allows, then the counts and the
 * tab. Asked for all at once as the app starts, the first screen waits for one round trip, which is
 * what a phone on a slow network notices. Anyone else (signed out, an agent) gets refusals that are
 * kept quietly in the cache and asked again when a page really needs them.
 */
export function prefetchPanel(queryClient: QueryClient, location: { pathname: string; search: string }): void {
  if (location.pathname !== paths.panel) return;
  const search = new URLSearchParams(location.search);
  void queryClient.prefetchQuery(meQuery);
  void queryClient.prefetchQuery(portalSwitchesQuery);
  void queryClient.prefetchQuery(companyQuery);
  // A search link (?busca=) shows results instead of the tabs.
  if (search.get('busca')?.trim()) return;
  void queryClient.prefetchQuery(tabCountsQuery);
  void queryClient.prefetchInfiniteQuery(tabTicketsQuery(panelTabOf(search)));
}
