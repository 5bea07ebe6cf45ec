import type { TicketStatus } from './status.js';

/** The five tabs of the Painel do Cliente, in display order. `all` lists every ticket. */
export const CUSTOMER_TABS = [
  'awaiting_my_reply',
  'awaiting_return',
  'awaiting_approval',
  'unrated',
  'all',
] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

/** "Aguardando minha resposta" opens first, unless a link names a tab (?aba=). */
export const DEFAULT_CUSTOMER_TAB: CustomerTab = 'awaiting_my_reply';

/** The tab a panel link opens: its `aba` when that names a tab, else the default. */
export function customerTabOfLink(aba: string | null | undefined): CustomerTab {
  return aba !== null && aba !== undefined && (CUSTOMER_TABS as readonly string[]).includes(aba) ? (aba as CustomerTab) : DEFAULT_CUSTOMER_TAB;
}

/** The tab a ticket is filed under, besides `all`. Closed tickets are `unrated` only while a rating is due. */
export type StoredCustomerTab = Exclude<CustomerTab, 'all'>;

const TAB_OF_STATUS = {
  new: 'awaiting_return',
  open: 'awaiting_return',
  pending: 'awaiting_return',
  onsite_visit: 'awaiting_return',
  waiting_customer: 'awaiting_my_reply',
  resolved: 'awaiting_approval',
  closed: 'unrated',
} as const satisfies Record<TicketStatus, StoredCustomerTab>;

/**
 * The tab of a ticket. A closed ticket leaves "Não avaliados" once rated or once its rating window has
 * passed: `ratingDueUntil` is null after rating, and compared with `now` for the window.
 */
export function customerTabOf(
  status: TicketStatus,
  ratingDueUntil: number | null,
  now: number,
): StoredCustomerTab | null {
  if (status === 'closed') return ratingDueUntil !== null && ratingDueUntil > now ? 'unrated' : null;
  return TAB_OF_STATUS[status];
}

/**
 * The stored tab column, independent of the clock: closed tickets with a rating due are `unrated`, and
 * queries compare `rating_due_until` with the current time. Used to build the DB's generated column.
 */
export function storedTabOf(status: TicketStatus, ratingPending: boolean): StoredCustomerTab | null {
  if (status === 'closed') return ratingPending ? 'unrated' : null;
  return TAB_OF_STATUS[status];
}

export const TAB_OF_STATUS_TABLE: Readonly<Record<TicketStatus, StoredCustomerTab>> = TAB_OF_STATUS;
