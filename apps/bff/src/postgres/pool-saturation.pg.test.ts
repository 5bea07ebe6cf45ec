import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';

/**
 * The store's pool has a few connections (six here); a busy portal sends many more changes at once.
 * A change must never wait for a second pool connection while its transaction holds one: with every
 * connection held so, nothing would ever answer again (seen under the benchmark's 50 connections when
 * a change read its settings through the pool from inside its transaction).
 */
let t: PgTestApp;
beforeAll(async () => {
  t = await createPgTestApp();
});
afterAll(() => t?.dispose());

describe('more changes at once than the pool has connections', () => {
  it('all are answered, even with no settings remembered', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const db = t.deps.db;
    if (db.engine !== 'pg' || !db.cache) throw new Error('this app has no read cache');
    let first = 0;
    for (let round = 0; round < 3; round++) {
      const queue = await t.request('GET', '/api/agent/tickets?queue=all', { cookie: agent });
      const tickets = queue.json.items as { id: number; version: number }[];
      expect(tickets.length).toBeGreaterThanOrEqual(12);
      first = tickets[0]!.id;
      // Nothing remembered: every change's settings come from the database.
      db.cache.invalidateAll();
      const answers = await Promise.all(
        tickets.map((ticket) => t.request('POST', `/api/agent/tickets/${ticket.id}/messages`, { cookie: agent, body: { body: `Nota ${round}`, visibility: 'internal', expectedVersion: ticket.version } })),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    }
    const page = await t.request('GET', `/api/agent/tickets/${first}`, { cookie: agent });
    // The agent sees the last round's note on the ticket.
    expect((page.json.messages as { body: string }[]).map((m) => m.body)).toContain('Nota 2');
  });
});
