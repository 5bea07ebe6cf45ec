import type { CustomerTab } from '@atende/domain';
import type { Db } from '../client.js';
import { panelTagPartsOf, type PanelTagParts } from './panel-stamps.js';
import { customerTabCounts, listCustomerTickets, type ActivityCursor, type TicketPage } from './tickets.js';

/**
 * A Painel do Cliente answer sent whole, with the parts of its ETag (panel-stamps.ts). The tag is read
 * first, so an answer is never older than its tag: a write landing in between only makes the next
 * refetch a full one. On PostgreSQL both come in one statement, from one snapshot
 * (pg/queries/tagged-panel-reads.ts): one round trip fewer on every panel answer that is not a 304.
 */
export interface TaggedAnswer<T> {
  tag: PanelTagParts;
  answer: T;
}

export function customerTabCountsTagged(db: Db, requesterId: number, now: number): TaggedAnswer<Record<CustomerTab, number>> {
  const tag = panelTagPartsOf(db, requesterId, now);
  return { tag, answer: customerTabCounts(db, requesterId, now) };
}

export function listCustomerTicketsTagged(
  db: Db,
  params: { requesterId: number; tab: CustomerTab; now: number; cursor: ActivityCursor | null; limit: number },
): TaggedAnswer<TicketPage> {
  const tag = panelTagPartsOf(db, params.requesterId, params.now);
  return { tag, answer: listCustomerTickets(db, params) };
}
