import type { CustomerTab } from '@atende/domain';

/**
 * The customer's cached queries: the panel lists tickets and the ticket page changes them, so both
 * features name (and invalidate) the same keys.
 */
export const customerKeys = {
  all: ['customer'] as const,
  counts: ['customer', 'counts'] as const,
  tab: (tab: CustomerTab) => ['customer', 'tickets', tab] as const,
  ticket: (id: number) => ['customer', 'ticket', id] as const,
};
