import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import {
  AGENT_QUEUES,
  agentQueueCounts,
  agentQueueWithCounts,
  listAgentQueue,
  QUEUE_COUNT_CAP,
  QUEUE_SORTS,
  type QueueClock,
  type QueueCursor,
  type QueueFilters,
  type QueuePage,
} from '../../queries/agent-queues.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import { PgReadCache } from '../../store/pg-read-cache.js';
import { serverConnectionClass } from '../../store/pg-connection.js';
import { closePgDatabase, openPgDatabase } from '../client.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { agentQueueCountsPg, agentQueueWithCountsPg, listAgentQueuePg } from './agent-queues.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const HOUR = 3_600_000;
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

/** The same statement on both engines (plain SQL both understand). */
async function onBoth(statement: string) {
  both.sqlite.$client.exec(statement);
  await both.pg.$client.query(statement);
}

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
  // Ties on updated_at (the id breaks them), tickets without a due time, answers due to customers.
  await onBoth(`UPDATE tickets SET updated_at = ${NOW - HOUR} WHERE id % 4 = 0`);
  await onBoth(`UPDATE tickets SET due_at = NULL WHERE id % 5 = 0`);
  await onBoth(`UPDATE tickets SET customer_replied_at = ${NOW - 2 * HOUR}, next_response_due_at = ${NOW - HOUR} + (id % 3) * ${6 * HOUR} WHERE id % 3 <> 1`);
});
afterAll(() => both?.dispose());

const agentIds = () => [DEMO_ACCOUNTS.agent, DEMO_ACCOUNTS.otherAgent].map((email) => findAccountByEmail(both.sqlite, email)!.id);
const clockOf = (agentId: number): QueueClock => ({ agentId, now: NOW, endOfToday: NOW + 9 * HOUR });

async function walk(list: (cursor: QueueCursor | null) => Promise<QueuePage>) {
  const pages: QueuePage[] = [];
  let cursor: QueueCursor | null = null;
  do {
    const page: QueuePage = await list(cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 200);
  return pages;
}

describe('agent queues on PostgreSQL', () => {
  const filterSets = (): QueueFilters[] => {
    const [agentId] = agentIds();
    const companyId = both.sqlite.$client.prepare('SELECT company_id FROM tickets WHERE company_id IS NOT NULL LIMIT 1').pluck().get() as number;
    return [{}, { status: 'open' }, { status: 'waiting_customer' }, { priority: 'alta', origin: 'portal' }, { assigneeId: agentId }, { companyId, departmentId: undefined }];
  };

  /** Every agent, queue, sort and filter set, with and without a search's ids (and an empty search where asked). */
  function* everyQueueCase(options: { emptySearch: boolean }) {
    const someIds = both.sqlite.$client.prepare('SELECT id FROM tickets WHERE id % 2 = 1 ORDER BY id').pluck().all() as number[];
    for (const agentId of agentIds()) {
      for (const queue of AGENT_QUEUES) {
        for (const sort of QUEUE_SORTS) {
          for (const filters of filterSets()) {
            for (const ticketIds of options.emptySearch ? [undefined, someIds, []] : [undefined, someIds]) {
              const params = { queue, sort, filters, clock: clockOf(agentId), limit: 4, ticketIds };
              yield { params, context: JSON.stringify({ agentId, queue, sort, filters, ids: ticketIds?.length }) };
            }
          }
        }
      }
    }
  }

  it('lists every queue, sort and filter page by page (same rows and cursors) as SQLite', async () => {
    let rowsSeen = 0;
    for (const { params, context } of everyQueueCase({ emptySearch: true })) {
      const onPg = await walk((cursor) => listAgentQueuePg(both.pg, { ...params, cursor }));
      const onSqlite = await walk(async (cursor) => listAgentQueue(both.sqlite, { ...params, cursor }));
      expect(onPg, context).toEqual(onSqlite);
      rowsSeen += onPg.flatMap((p) => p.items).length;
    }
    expect(rowsSeen).toBeGreaterThan(500);
  });

  it("answers the console's page and counts together (two statements planned apart) as SQLite does, page by page", async () => {
    let rowsSeen = 0;
    for (const { params, context } of everyQueueCase({ emptySearch: false })) {
      let cursor: QueueCursor | null = null;
      let pages = 0;
      do {
        const onPg = await agentQueueWithCountsPg(both.pg, { ...params, cursor });
        const onSqlite = agentQueueWithCounts(both.sqlite, { ...params, cursor });
        expect(onPg, context).toEqual(onSqlite);
        expect(onSqlite.page, context).toEqual(listAgentQueue(both.sqlite, { ...params, cursor }));
        rowsSeen += onPg.page.items.length;
        cursor = onPg.page.nextCursor;
      } while (cursor && ++pages < 200);
    }
    expect(rowsSeen).toBeGreaterThan(500);
  });

  it("keeps one generic plan for the settled queues' counts on a server's connection, planning only the clocked page", async () => {
    // A server's connection names each statement (store/pg-connection.ts); PostgreSQL then decides per
    // statement whether a generic plan will do.
    const server = openPgDatabase(both.pgUrl, { max: 1, Client: serverConnectionClass(new PgReadCache(), { prepare: true }) });
    try {
      const params = { queue: 'today' as const, sort: 'updated' as const, filters: {}, clock: clockOf(agentIds()[0]!), limit: 25, cursor: null };
      const answers = [];
      for (let i = 0; i < 8; i++) answers.push(await agentQueueWithCountsPg(server, params));
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]).toEqual(agentQueueWithCounts(both.sqlite, params));
      const { rows } = await server.$client.query<{ statement: string; generic_plans: string }>('SELECT statement, generic_plans FROM pg_prepared_statements');
      const settled = rows.filter((r) => r.statement.includes('LIMIT 1000') && !r.statement.includes('json_agg'));
      expect(settled).toHaveLength(1);
      expect(Number(settled[0]!.generic_plans)).toBeGreaterThan(0);
    } finally {
      await closePgDatabase(server);
    }
  });

  it('counts each queue as SQLite does, with filters and search ids', async () => {
    const someIds = both.sqlite.$client.prepare('SELECT id FROM tickets WHERE id % 3 = 0').pluck().all() as number[];
    for (const agentId of agentIds()) {
      for (const filters of filterSets()) {
        for (const ticketIds of [undefined, someIds, []]) {
          expect(await agentQueueCountsPg(both.pg, clockOf(agentId), filters, ticketIds)).toEqual(agentQueueCounts(both.sqlite, clockOf(agentId), filters, ticketIds));
        }
      }
      expect(await agentQueueCountsPg(both.pg, clockOf(agentId))).toEqual(agentQueueCounts(both.sqlite, clockOf(agentId)));
    }
  });

  it('stops counting at the cap on both engines', async () => {
    const [requesterId] = both.sqlite.$client.prepare('SELECT id FROM contacts ORDER BY id LIMIT 1').pluck().all() as number[];
    const insert = (series: string) =>
      `INSERT INTO tickets (id, subject, requester_id, status, origin, created_at, updated_at)
       SELECT 100000 + n, 'Carga', ${requesterId}, 'new', 'portal', ${NOW}, ${NOW} + n FROM ${series}`;
    both.sqlite.$client.exec(insert(`(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${QUEUE_COUNT_CAP + 5}) SELECT n FROM s)`));
    await both.pg.$client.query(insert(`generate_series(1, ${QUEUE_COUNT_CAP + 5}) AS n`));
    const clock = clockOf(agentIds()[0]!);
    const counts = await agentQueueCountsPg(both.pg, clock);
    expect(counts).toEqual(agentQueueCounts(both.sqlite, clock));
    expect(counts.all).toBe(QUEUE_COUNT_CAP);
    const first = { queue: 'unassigned' as const, sort: 'priority' as const, filters: {}, clock, limit: 50, cursor: null };
    expect(await listAgentQueuePg(both.pg, first)).toEqual(listAgentQueue(both.sqlite, first));
    const together = await agentQueueWithCountsPg(both.pg, first);
    expect(together).toEqual(agentQueueWithCounts(both.sqlite, first));
    expect(together.counts.all).toBe(QUEUE_COUNT_CAP);
  });
});
