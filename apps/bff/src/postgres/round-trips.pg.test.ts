import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';

/**
 * On PostgreSQL each statement is a network round trip, and on the hot pages the round trips, more
 * than the rows, were the cost (issue 16). These pin how many statements a page sends once its
 * session and settings are remembered (store/pg-read-cache.ts): a new read added to a page shows here.
 */
let t: PgTestApp;
beforeAll(async () => {
  t = await createPgTestApp();
});
afterAll(() => t?.dispose());

/** The statements the pool sends while `run` runs. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const pool = t.pg.$client;
  const sent: string[] = [];
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const first = args[0] as string | { text: string };
    sent.push(typeof first === 'string' ? first : first.text);
    return original(...args);
  }) as typeof pool.query;
  try {
    await run();
  } finally {
    pool.query = original as typeof pool.query;
  }
  return sent;
}

describe('statements a page sends to PostgreSQL', () => {
  it("the customer's ticket page, with its thread, files, ratings and automatic actions: one", async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const list = await t.request('GET', '/api/customer/tickets?tab=all', { cookie });
    const ids = (list.json.items as { id: number }[]).map((item) => item.id);
    expect(ids.length).toBeGreaterThan(1);
    // The first page fills the remembered settings (the company's time zone, the automations').
    expect((await t.request('GET', `/api/customer/tickets/${ids[0]}`, { cookie })).status).toBe(200);
    for (const id of ids) {
      const answered: { status: number; body?: { messages: unknown[] } }[] = [];
      const sent = await statementsDuring(async () => {
        const response = await t.request('GET', `/api/customer/tickets/${id}`, { cookie });
        answered.push({ status: response.status, body: response.json as { messages: unknown[] } });
      });
      expect(answered[0]!.status).toBe(200);
      expect(answered[0]!.body!.messages.length).toBeGreaterThan(0);
      expect(sent, sent.join("\n---\n")).toHaveLength(1);
    }
  });
});
