import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { DEMO_ACCOUNTS } from '@atende/db';
import { ticketRatings } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';

/**
 * Races against the real HTTP server (ASVS: read-check-write is one transaction): two decisions fired
 * at once on one ticket, from two tabs of the same customer. Exactly one wins, the other gets 409.
 */
let t: EngineTestApp;
let server: ServerType;
let base: string;
let carla: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.dispose();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: carla, origin: TEST_ORIGIN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as any };
}

async function firstIn(tab: string) {
  const id = (await call('GET', `/api/customer/tickets?tab=${tab}`)).json.items[0].id as number;
  return (await call('GET', `/api/customer/tickets/${id}`)).json.ticket as { id: number; version: number };
}

const ROUNDS = 5;

describe('races on one ticket (real server)', () => {
  it('confirm in one tab ‖ "not resolved" in another: exactly one wins, the other gets 409', async () => {
    let rounds = 0;
    for (; rounds < ROUNDS; rounds++) {
      if ((await call('GET', '/api/customer/tickets?tab=awaiting_approval')).json.items.length === 0) break;
      const ticket = await firstIn('awaiting_approval');
      const results = await Promise.all([
        call('POST', `/api/customer/tickets/${ticket.id}/confirm`, { expectedVersion: ticket.version }),
        call('POST', `/api/customer/tickets/${ticket.id}/not-resolved`, { reason: 'Continua com problema.', expectedVersion: ticket.version }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.json.code).toBe('conflict');
      const winner = results.find((r) => r.status === 200)!;
      const after = (await call('GET', `/api/customer/tickets/${ticket.id}`)).json.ticket;
      expect(after).toMatchObject({ status: winner.json.ticket.status, version: ticket.version + 1 });
    }
    expect(rounds).toBeGreaterThanOrEqual(2);
  });

  it('two ratings of one closing at once: exactly one is stored, the other gets 409', async () => {
    let rounds = 0;
    for (; rounds < ROUNDS; rounds++) {
      if ((await call('GET', '/api/customer/tickets?tab=unrated')).json.items.length === 0) break;
      const ticket = await firstIn('unrated');
      const results = await Promise.all([
        call('POST', `/api/customer/tickets/${ticket.id}/rating`, { score: 5, expectedVersion: ticket.version }),
        call('POST', `/api/customer/tickets/${ticket.id}/rating`, { score: 1, expectedVersion: ticket.version }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await ticketRatings(t.store, ticket.id)).toHaveLength(1);
    }
    expect(rounds).toBeGreaterThanOrEqual(2);
  });

  it('two rating links clicked at once (no version): one rating, the other 409', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const ticket = await firstIn('unrated');
    const view = await fetch(`${base}/api/agent/tickets/${ticket.id}`, { headers: { cookie: agent } });
    const token = ((await view.json()) as { ratingLink: string }).ratingLink.split('/avaliar/')[1]!;
    const results = await Promise.all(
      [4, 2, 5].map((score) => call('POST', `/api/public/ratings/${token}`, { score })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await ticketRatings(t.store, ticket.id)).toHaveLength(1);
  });
});
