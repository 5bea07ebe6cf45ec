import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../config/paths.js';
import { tabCountsQuery, tabTicketsQuery } from '../features/customer-panel/customer-panel-api.js';
import { panelSearch, panelTab } from '../features/customer-panel/panel-tab.js';
import { portalSwitchesQuery } from '../lib/portal-switches.js';
import { meQuery } from '../lib/session.js';

/**
 * Opening the panel, its data is asked for all at once as the script starts. Rendering asks in turn
 * (who is signed in → the portal's switches → counts and the tab's list), three round trips before
 * the list, the page's largest content, can show (issue 18). A visitor who is not signed in, or whose
 * portal hides tickets, gets refusals here that nothing shows: the pages decide as before.
 */
export function prefetchFirstScreen(queryClient: QueryClient, location: Location): void {
  if (location.pathname !== paths.panel) return;
  const search = new URLSearchParams(location.search);
  void queryClient.prefetchQuery(meQuery);
  void queryClient.prefetchQuery(portalSwitchesQuery);
  if (panelSearch(search)) return;
  void queryClient.prefetchQuery(tabCountsQuery);
  void queryClient.prefetchInfiniteQuery(tabTicketsQuery(panelTab(search)));
}
