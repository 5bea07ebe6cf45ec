import type { CustomerTab } from '@atende/domain';
import { sql } from 'drizzle-orm';
import type { TaggedAnswer } from '../../queries/tagged-panel-reads.js';
import type { ActivityCursor, TicketListItem, TicketPage } from '../../queries/tickets.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { tickets } from '../schema.js';
import { panelTagColumns, tagPartsOf } from './panel-stamps.js';
import { customerTabCountColumns, customerTabPageCondition, customerTabPageOf, customerTabPageValues, customerTabPageVariant, tabCountsOf } from './tickets.js';

/**
 * The twins of queries/tagged-panel-reads.ts: a panel answer and its tag's parts in one statement,
 * where they were two round trips (the tag, then the answer). The tag's subqueries and the answer's
 * read the same snapshot.
 */
const ONE_ROW = sql`(VALUES (1)) AS one (x)`;

export async function customerTabCountsTaggedPg(db: PgExecutor, requesterId: number, now: number): Promise<TaggedAnswer<Record<CustomerTab, number>>> {
  const query = builtOnce(db, 'customerTabCountsTagged', () => db.select({ ...panelTagColumns(), ...customerTabCountColumns() }).from(ONE_ROW).prepare(UNNAMED));
  const [row] = await query.execute({ contactId: requesterId, requesterId, now });
  return { tag: tagPartsOf(row!), answer: tabCountsOf(row) };
}

/**
 * The tab's page as one JSON array beside the tag: the same index walk as listCustomerTicketsPg's
 * (its condition, order and limit), the department's name by primary key for each row kept. The
 * aggregate orders the page's rows again (at most limit + 1 of them), as an aggregate's input order
 * is not guaranteed otherwise. Epoch-millisecond times are far below 2^53: JSON carries them exactly.
 */
export async function listCustomerTicketsTaggedPg(
  db: PgExecutor,
  params: { requesterId: number; tab: CustomerTab; now: number; cursor: ActivityCursor | null; limit: number },
): Promise<TaggedAnswer<TicketPage>> {
  const { tab, cursor, limit } = params;
  const query = builtOnce(db, `listCustomerTicketsTagged:${customerTabPageVariant(tab, cursor)}`, () => {
    const rows = sql`(SELECT ${tickets.id}, ${tickets.subject}, ${tickets.status}, ${tickets.origin}, ${tickets.departmentId}, ${tickets.updatedAt}
        FROM ${tickets} WHERE ${customerTabPageCondition(tab, cursor)}
        ORDER BY ${tickets.updatedAt} DESC, ${tickets.id} DESC LIMIT ${sql.placeholder('limit')})`;
    const page = sql`(SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'subject', p.subject, 'status', p.status, 'origin', p.origin,
        'departmentName', (SELECT d.name FROM departments d WHERE d.id = p.department_id),
        'updatedAt', p.updated_at) ORDER BY p.updated_at DESC, p.id DESC), '[]'::json)
      FROM ${rows} AS p)`;
    return db
      .select({ ...panelTagColumns(), page: sql<TicketListItem[]>`${page}` })
      .from(ONE_ROW)
      .prepare(UNNAMED);
  });
  const [row] = await query.execute({ contactId: params.requesterId, ...customerTabPageValues(params) });
  return { tag: tagPartsOf(row!), answer: customerTabPageOf(row!.page, limit) };
}
