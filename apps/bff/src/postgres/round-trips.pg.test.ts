import { DEMO_ACCOUNTS } from '@atende/db';
import { listenLiveEventsPg } from '@atende/db/pg';
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

/** The statements the pool's connections send while `run` runs, those of transactions included. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const connection = (t.pg.$client as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client.prototype;
  const sent: string[] = [];
  const original = connection.query;
  connection.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    sent.push(typeof first === 'string' ? first : first.text);
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    connection.query = original;
  }
  return sent;
}

describe('statements a request sends to PostgreSQL', () => {
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

  it('each Painel do Cliente answer sent whole, with its ETag: one; a refetch that finds nothing new: one', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    // The first answer fills the remembered portal settings.
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie })).status).toBe(200);
    for (const path of ['/api/customer/tickets/counts', ...['awaiting_my_reply', 'awaiting_return', 'awaiting_approval', 'unrated', 'all'].map((tab) => `/api/customer/tickets?tab=${tab}`)]) {
      let tag: string | null = null;
      const whole = await statementsDuring(async () => {
        const response = await t.request('GET', path, { cookie });
        expect(response.status).toBe(200);
        tag = response.headers.get('etag');
      });
      expect(tag, path).toMatch(/^"panel\./);
      expect(whole, `${path}\n${whole.join('\n---\n')}`).toHaveLength(1);
      const refetch = await statementsDuring(async () => {
        expect((await t.request('GET', path, { cookie, headers: { 'if-none-match': tag! } })).status).toBe(304);
      });
      expect(refetch, `${path}\n${refetch.join('\n---\n')}`).toHaveLength(1);
    }
  });

  it("a customer's reply: no settings read (they are remembered), the agents to notify in one read, its live events in one NOTIFY", async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const list = await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie });
    const id = (list.json.items as { id: number }[])[0]!.id;
    let version = ((await t.request('GET', `/api/customer/tickets/${id}`, { cookie })).json.ticket as { version: number }).version;
    // The first reply fills the remembered response targets (no page had read them yet).
    const first = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie, body: { body: 'Oi', expectedVersion: version } });
    version = (first.json.ticket as { version: number }).version;
    const heard: { type: string; ticketId: number }[] = [];
    let onHeard = () => {};
    const listener = await listenLiveEventsPg(t.url, (event) => {
      heard.push(event as { type: string; ticketId: number });
      onHeard();
    });
    try {
      for (const body of ['Ainda sem sinal por aqui.', 'Reiniciei o roteador e nada.']) {
        heard.length = 0;
        const sent = await statementsDuring(async () => {
          // The agents' notification is the reply's last live event: once heard, all were sent.
          const notified = new Promise<void>((resolve) => (onHeard = () => heard.some((e) => e.type === 'notification' && e.ticketId === id) && resolve()));
          const reply = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie, body: { body, expectedVersion: version } });
          expect(reply.status).toBe(201);
          version = (reply.json.ticket as { version: number }).version;
          await notified;
        });
        expect(heard.map((e) => e.type)).toEqual(['message_added', 'counts_changed', 'notification']);
        expect(sent.filter((text) => text.includes('"settings"')), sent.join('\n---\n')).toEqual([]);
        expect(sent.filter((text) => text.includes('pg_notify')), sent.join('\n---\n')).toHaveLength(1);
        // begin; the ticket, locked; its update and the message; the department's agents with their
        // e-mail preferences; their notification and its e-mail; commit. Then the one NOTIFY.
        expect(sent, sent.join('\n---\n')).toHaveLength(9);
      }
    } finally {
      await listener.close();
    }
    // The customer sees both replies on the ticket.
    const page = await t.request('GET', `/api/customer/tickets/${id}`, { cookie });
    expect((page.json.messages as { body: string }[]).slice(-2).map((m) => m.body)).toEqual(['Ainda sem sinal por aqui.', 'Reiniciei o roteador e nada.']);
  });
});
