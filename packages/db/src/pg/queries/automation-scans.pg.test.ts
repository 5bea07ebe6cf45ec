import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerServicesSince, departmentAgentLoads, isAgentStillActive, resolvedTicketsBatch, waitingTicketsBatch, type ScanCursor } from '../../queries/automation-scans.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { customerServicesSincePg, departmentAgentLoadsPg, isAgentStillActivePg, resolvedTicketsBatchPg, waitingTicketsBatchPg } from './automation-scans.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const HOUR = 3_600_000;
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

async function onBoth(statement: string) {
  both.sqlite.$client.exec(statement);
  await both.pg.$client.query(statement);
}
const ids = (query: string) => both.sqlite.$client.prepare(query).pluck().all() as number[];

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
  // Many waiting and resolved tickets, several on the same instant (the id breaks the tie), at every reminder stage.
  const requesterId = ids('SELECT id FROM contacts ORDER BY id LIMIT 1')[0]!;
  const rows = Array.from({ length: 60 }, (_, n) => {
    const waiting = n % 2 === 0;
    const at = NOW - (n % 7) * HOUR;
    return `(${50_000 + n}, 'Carga ${n}', ${requesterId}, '${waiting ? 'waiting_customer' : 'resolved'}', 'portal', ${at}, ${at}, ${waiting ? at : 'NULL'}, ${n % 3}, ${waiting ? 'NULL' : at})`;
  });
  await onBoth(`INSERT INTO tickets (id, subject, requester_id, status, origin, created_at, updated_at, waiting_since, reminder_stage, resolved_at) VALUES ${rows.join(', ')}`);
  // An inactive agent in a department, and one in none, who both answered customers.
  await onBoth(`INSERT INTO agents (id, name, email, active, created_at) VALUES (900, 'Inativo', 'inativo@example.com', false, ${NOW}), (901, 'Sem setor', 'semsetor@example.com', true, ${NOW})`);
  const departmentId = ids('SELECT id FROM departments ORDER BY id LIMIT 1')[0]!;
  await onBoth(`INSERT INTO agent_departments (agent_id, department_id) VALUES (900, ${departmentId})`);
  const tickets = both.sqlite.$client.prepare('SELECT id, company_id FROM tickets WHERE id < 50000 ORDER BY id').all() as { id: number; company_id: number | null }[];
  const messages = tickets.flatMap((t, i) => [
    `(${t.id}, 'agent', ${[900, 901][i % 2]}, 'public', 'Resposta', ${NOW - i * HOUR})`,
    `(${t.id}, 'agent', 901, 'internal', 'Nota', ${NOW - i * HOUR})`,
  ]);
  await onBoth(`INSERT INTO messages (ticket_id, author_kind, author_id, visibility, body, created_at) VALUES ${messages.join(', ')}`);
  await onBoth(`UPDATE tickets SET company_id = NULL WHERE id IN (SELECT id FROM tickets WHERE id < 50000 ORDER BY id LIMIT 3)`);
});
afterAll(() => both?.dispose());

async function walk(batch: (cursor: ScanCursor | null) => Promise<ScanCursor[]>) {
  const all: ScanCursor[] = [];
  for (let cursor: ScanCursor | null = null, n = 0; n < 500; n++) {
    const rows = await batch(cursor);
    all.push(...rows);
    if (rows.length === 0) break;
    cursor = rows.at(-1)!;
  }
  return all;
}

describe('automation scans on PostgreSQL', () => {
  it('walks waiting tickets (any stage and each stage) batch by batch as SQLite does', async () => {
    for (const reminderStage of [undefined, null, 0, 1, 2, 3]) {
      for (const waitingBefore of [NOW, NOW - 3 * HOUR]) {
        const params = { waitingBefore, reminderStage, limit: 4 };
        const onPg = await walk((cursor) => waitingTicketsBatchPg(both.pg, { ...params, cursor }));
        const onSqlite = await walk(async (cursor) => waitingTicketsBatch(both.sqlite, { ...params, cursor }));
        expect(onPg, `${reminderStage} ${waitingBefore}`).toEqual(onSqlite);
        if (reminderStage !== 3) expect(onPg.length).toBeGreaterThan(0);
      }
    }
  });

  it('walks resolved tickets batch by batch as SQLite does', async () => {
    for (const resolvedBefore of [NOW, NOW - 2 * HOUR, 0]) {
      const params = { resolvedBefore, limit: 5 };
      const onPg = await walk((cursor) => resolvedTicketsBatchPg(both.pg, { ...params, cursor }));
      expect(onPg).toEqual(await walk(async (cursor) => resolvedTicketsBatch(both.sqlite, { ...params, cursor })));
    }
  });

  it("lists a customer's services since a time (company, or contact without one) in SQLite's order", async () => {
    const customers = both.sqlite.$client.prepare('SELECT DISTINCT company_id AS companyId, requester_id AS requesterId FROM tickets ORDER BY 1, 2').all() as {
      companyId: number | null;
      requesterId: number;
    }[];
    let seen = 0;
    for (const customer of customers) {
      for (const since of [0, NOW - 10 * HOUR, NOW + 1]) {
        const params = { ...customer, since };
        const onPg = await customerServicesSincePg(both.pg, params);
        expect(onPg, JSON.stringify(params)).toEqual(customerServicesSince(both.sqlite, params));
        seen += onPg.length;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("gives each department's active agents and their open tickets", async () => {
    for (const departmentId of [...ids('SELECT id FROM departments ORDER BY id'), 999_999]) {
      expect(await departmentAgentLoadsPg(both.pg, departmentId)).toEqual(departmentAgentLoads(both.sqlite, departmentId));
    }
  });
});

describe("routing's last check of its chosen agent", () => {
  it('answers as on SQLite', async () => {
    expect([await isAgentStillActivePg(both.pg, 900), await isAgentStillActivePg(both.pg, 901), await isAgentStillActivePg(both.pg, 999)]).toEqual([
      isAgentStillActive(both.sqlite, 900),
      isAgentStillActive(both.sqlite, 901),
      isAgentStillActive(both.sqlite, 999),
    ]);
  });

  it('waits for a deactivation in progress and sees it, so the new ticket never goes to the deactivated agent', async () => {
    const deactivation = await both.pg.$client.connect();
    try {
      await deactivation.query('BEGIN');
      await deactivation.query('UPDATE agents SET active = false WHERE id = 901');
      const check = both.pg.transaction((tx) => isAgentStillActivePg(tx, 901));
      // The check is blocked on the agent's row (pg_locks shows it waiting), not answered from before.
      for (;;) {
        const waiting = await both.pg.$client.query("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'");
        if ((waiting.rows[0] as { n: number }).n > 0) break;
      }
      await deactivation.query('COMMIT');
      expect(await check).toBe(false);
    } finally {
      deactivation.release();
      await both.pg.$client.query('UPDATE agents SET active = true WHERE id = 901');
    }
  });
});
