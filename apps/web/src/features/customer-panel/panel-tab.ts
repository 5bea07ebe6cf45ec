import { CUSTOMER_TABS, type CustomerTab } from '@atende/domain';

const DEFAULT_TAB: CustomerTab = 'awaiting_my_reply';

function isCustomerTab(value: string | null): value is CustomerTab {
  return value !== null && (CUSTOMER_TABS as readonly string[]).includes(value);
}

/** The panel's tab, from the address (?aba=); the default when absent or unknown. */
export function panelTab(search: URLSearchParams): CustomerTab {
  const requested = search.get('aba');
  return isCustomerTab(requested) ? requested : DEFAULT_TAB;
}

/** The panel's search (?busca=), trimmed; empty when the tabs show. */
export function panelSearch(search: URLSearchParams): string {
  return search.get('busca')?.trim() ?? '';
}
